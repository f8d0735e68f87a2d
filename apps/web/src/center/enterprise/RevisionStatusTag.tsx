import { type EnterpriseInformation, REVISION_STATUS_NAMES } from "@lnca/contracts";
import { Tag } from "antd";

const COLORS: Record<EnterpriseInformation["status"], string> = {
  none: "default",
  draft: "default",
  pending_review: "processing",
  approved: "success",
  rejected: "error",
  superseded: "default",
};

/** 未提交 / 待审核 / 审核通过 / 审核不通过 (nothing saved yet reads 未提交 too). */
export function RevisionStatusTag({ status }: { status: EnterpriseInformation["status"] }) {
  return (
    <Tag color={COLORS[status]} data-testid="enterprise-info-status">
      {REVISION_STATUS_NAMES[status === "none" ? "draft" : status]}
    </Tag>
  );
}
