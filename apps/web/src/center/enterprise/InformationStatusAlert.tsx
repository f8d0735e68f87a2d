import { EditOutlined } from "@ant-design/icons";
import { type EnterpriseInformation, REVISION_STATUS_NAMES } from "@lnca/contracts";
import { Alert, Button } from "antd";
import { useNavigate } from "react-router-dom";

/**
 * What the status means for the administrator: 审核不通过 with the 处理意见 and 【编辑企业信息】 (guide §三 图 8),
 * 待审核 waiting, 审核通过 ready for renewals — and, while an approved revision is in force, that a newer one
 * is being edited or reviewed.
 */
export function InformationStatusAlert({ information }: { information: EnterpriseInformation }) {
  const navigate = useNavigate();
  const { status, latest, inForce, canEdit } = information;
  const newer =
    inForce && latest && latest.id !== inForce.id && (latest.status === "draft" || latest.status === "pending_review");
  return (
    <>
      {status === "rejected" && (
        <Alert
          type="error"
          showIcon
          className="section-gap"
          title="企业信息审核不通过"
          description={<span data-testid="review-opinion">处理意见：{latest?.reviewOpinion ?? "无"}</span>}
          action={
            canEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate("/center/enterprise/edit")}>
                编辑企业信息
              </Button>
            )
          }
        />
      )}
      {status === "pending_review" && (
        <Alert
          type="info"
          showIcon
          className="section-gap"
          title="企业信息待审核"
          description="审核周期为一个工作日，审核结果以短信形式告知。"
        />
      )}
      {status === "approved" && (
        <Alert
          type="success"
          showIcon
          className="section-gap"
          title="企业信息审核通过"
          description="可申请 CA 数字证书延期。"
        />
      )}
      {(status === "none" || (status === "draft" && !inForce)) && (
        <Alert
          type="warning"
          showIcon
          className="section-gap"
          title="企业信息未提交"
          description="请点击【编辑企业信息】填写单位基本信息、开票信息和签署信息，并提交审核。"
        />
      )}
      {newer && latest && (
        <Alert
          type="info"
          showIcon
          className="section-gap"
          title={`有一份更新的企业信息（${REVISION_STATUS_NAMES[latest.status]}）`}
          description="新的企业信息审核通过前，以下方已审核通过的企业信息为准。"
        />
      )}
    </>
  );
}
