import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";
import { useEnterpriseInformation } from "../../api/enterpriseInfo";
import { ErrorResult } from "../../shared/ErrorResult";
import { FullPageSpin } from "../../shared/FullPageSpin";
import { useDocumentTitle } from "../../shared/useDocumentTitle";
import { AdminOnly } from "../AdminOnly";
import { useCurrentUser } from "../useCurrentUser";
import { EnterpriseBreadcrumb } from "./EnterpriseBreadcrumb";
import { EnterpriseEditor } from "./EnterpriseEditor";

/** 【编辑企业信息】: the three steps, opened where the draft was left; no form while a revision is under review. */
export function EnterpriseEditPage() {
  return (
    <AdminOnly>
      <EditableInformation />
    </AdminOnly>
  );
}

function EditableInformation() {
  const { identity } = useCurrentUser();
  const information = useEnterpriseInformation(identity?.enterpriseId ?? "");
  if (information.isPending) return <FullPageSpin />;
  if (information.isError) {
    return <ErrorResult error={information.error} onRetry={() => void information.refetch()} />;
  }
  const { status, canEdit } = information.data;
  if (status === "pending_review") {
    return (
      <NotEditable
        title="企业信息正在审核中"
        detail="审核周期为一个工作日，审核结果以短信形式告知；审核完成前不能修改企业信息。"
      />
    );
  }
  if (!canEdit) {
    return <NotEditable title="企业信息仅企业管理员可编辑" detail="请在【切换身份】中切换为管理员身份后再试。" />;
  }
  return <EnterpriseEditor information={information.data} />;
}

function NotEditable({ title, detail }: { title: string; detail: string }) {
  const navigate = useNavigate();
  useDocumentTitle("编辑企业信息");
  return (
    <>
      <EnterpriseBreadcrumb editing />
      <Result
        status="info"
        title={<h1>{title}</h1>}
        subTitle={detail}
        extra={
          <Button type="primary" onClick={() => navigate("/center/enterprise")}>
            返回企业信息
          </Button>
        }
      />
    </>
  );
}
