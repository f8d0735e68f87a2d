import { ArrowLeftOutlined } from "@ant-design/icons";
import { ENTERPRISE_ATTACHMENTS, type EnterpriseAttachmentKind, type ReviewDetail } from "@lnca/contracts";
import { Button, Card, Descriptions, Flex } from "antd";
import type { ReactNode } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { useReviewDetail } from "../../api/review";
import { ErrorResult } from "../../shared/ErrorResult";
import { FullPageSpin } from "../../shared/FullPageSpin";
import { PageHeader } from "../../shared/PageHeader";
import { formatDateTime } from "../../time";
import { AttachmentPreview } from "./AttachmentPreview";
import { LicenceComparisonTable } from "./LicenceComparisonTable";
import { ReviewDecisionPanel } from "./ReviewDecisionPanel";
import { ChangesTable, HistoryTable } from "./RevisionHistory";
import { BasicInfoDescriptions, InvoicingDescriptions } from "./RevisionInfo";
import { RevisionNumber, RevisionStatusTag, WaitingDays } from "./reviewTags";
import { Section } from "./Section";

const ATTACHMENT_KINDS = Object.keys(ENTERPRISE_ATTACHMENTS) as EnterpriseAttachmentKind[];

/** 企业信息审核: one submitted revision with everything the reviewer checks, and the claim and decision. */
export function ReviewDetailPage() {
  const { revisionId = "" } = useParams();
  const detail = useReviewDetail(revisionId);
  const navigate = useNavigate();
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/console/review")}>
      返回审核队列
    </Button>
  );

  if (detail.isPending) return <FullPageSpin />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="企业信息审核" extra={back} />
        <Card>
          <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />
        </Card>
      </>
    );
  }
  return <ReviewDetailView detail={detail.data} back={back} />;
}

function ReviewDetailView({ detail, back }: { detail: ReviewDetail; back: ReactNode }) {
  const { enterprise, revision } = detail;
  const attachments = (step: 1 | 2 | 3) => (
    <Flex wrap gap={16} className="section-gap-top">
      {ATTACHMENT_KINDS.filter((kind) => ENTERPRISE_ATTACHMENTS[kind].step === step).map((kind) => (
        <AttachmentPreview
          key={kind}
          revisionId={revision.id}
          kind={kind}
          attachment={revision.attachments[kind] ?? null}
          enterpriseName={enterprise.name}
        />
      ))}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={`企业信息审核：${enterprise.name}`}
        description="核对企业填写的信息、附件和营业执照识别比对结果，作出审核结论。"
        extra={back}
      />
      <Card className="section-gap">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="review-summary">
          <Descriptions.Item label="单位名称">{enterprise.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{enterprise.uscc}</Descriptions.Item>
          <Descriptions.Item label="版本">
            <RevisionNumber number={revision.number} isChange={detail.changes !== null} />
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <RevisionStatusTag status={revision.status} />
          </Descriptions.Item>
          <Descriptions.Item label="提交时间">
            {revision.submittedAt ? formatDateTime(revision.submittedAt) : "—"}
          </Descriptions.Item>
          {revision.status === "pending_review" && (
            <Descriptions.Item label="已等待">
              <WaitingDays days={detail.workingDaysWaiting} overdue={detail.overdue} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label="提交人">
            {detail.submittedBy.name ?? "未填写姓名"}（{detail.submittedBy.mobileMasked}）
          </Descriptions.Item>
        </Descriptions>
        <div className="section-gap-top">
          <ReviewDecisionPanel detail={detail} />
        </div>
      </Card>

      <Section title="单位基本信息">
        <BasicInfoDescriptions basic={revision.basic} />
        {attachments(1)}
      </Section>
      <Section title="营业执照识别比对">
        <LicenceComparisonTable recognition={revision.recognition} />
      </Section>
      <Section title="开票信息">
        <InvoicingDescriptions invoicing={revision.invoicing} />
        {attachments(2)}
      </Section>
      <Section title="签署信息">{attachments(3)}</Section>
      <Section title="与已生效版本的差异">
        <ChangesTable changes={detail.changes} />
      </Section>
      <Section title="审核历史">
        <HistoryTable history={detail.history} />
      </Section>
    </>
  );
}
