import { EditOutlined } from "@ant-design/icons";
import type { EnterpriseInformation } from "@lnca/contracts";
import { Button, Card, Descriptions, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useEnterpriseInformation } from "../../api/enterpriseInfo";
import { ErrorResult } from "../../shared/ErrorResult";
import { FullPageSpin } from "../../shared/FullPageSpin";
import { PageHeader } from "../../shared/PageHeader";
import { AdminOnly } from "../AdminOnly";
import { useCurrentUser } from "../useCurrentUser";
import { EnterpriseBreadcrumb } from "./EnterpriseBreadcrumb";
import { InformationStatusAlert } from "./InformationStatusAlert";
import { RevisionDescriptions } from "./RevisionDescriptions";
import { RevisionStatusTag } from "./RevisionStatusTag";

/** 【企业信息】 (guide §三): the status, the 处理意见 of a rejection, and the information in force. */
export function EnterpriseInfoPage() {
  return (
    <AdminOnly>
      <EnterpriseInformationLoader />
    </AdminOnly>
  );
}

function EnterpriseInformationLoader() {
  const { identity } = useCurrentUser();
  const information = useEnterpriseInformation(identity?.enterpriseId ?? "");
  if (information.isPending) return <FullPageSpin />;
  if (information.isError) {
    return <ErrorResult error={information.error} onRetry={() => void information.refetch()} />;
  }
  return <EnterpriseInformationView information={information.data} />;
}

function EnterpriseInformationView({ information }: { information: EnterpriseInformation }) {
  const navigate = useNavigate();
  const { enterprise, status, inForce, latest, canEdit } = information;
  // The approved revision stays in force while a newer one is edited or reviewed; before any approval, the latest.
  const shown = inForce ?? latest;
  const editable = canEdit && status !== "pending_review";
  return (
    <>
      <EnterpriseBreadcrumb />
      <PageHeader
        title="企业信息"
        description="企业信息审核通过后，即可申请 CA 数字证书延期。"
        extra={
          editable ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate("/center/enterprise/edit")}>
              编辑企业信息
            </Button>
          ) : (
            !canEdit && <Typography.Text type="secondary">企业信息仅企业管理员可编辑</Typography.Text>
          )
        }
      />
      <InformationStatusAlert information={information} />
      <Card className="section-gap">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "name", label: "单位名称", children: enterprise.name },
            { key: "uscc", label: "统一社会信用代码", children: enterprise.uscc },
            { key: "status", label: "审核状态", children: <RevisionStatusTag status={status} /> },
          ]}
        />
      </Card>
      {shown && (
        <Card title={inForce ? "当前生效的企业信息" : "已填写的企业信息"}>
          <RevisionDescriptions enterpriseId={enterprise.id} revision={shown} />
        </Card>
      )}
    </>
  );
}
