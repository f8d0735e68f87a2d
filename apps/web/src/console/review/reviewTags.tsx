import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined } from "@ant-design/icons";
import { REVISION_STATUS_NAMES, type RevisionStatus } from "@lnca/contracts";
import { Space, Tag } from "antd";

const STATUS_COLORS: Record<RevisionStatus, string> = {
  draft: "default",
  pending_review: "processing",
  approved: "success",
  rejected: "error",
  superseded: "default",
};

export function RevisionStatusTag({ status }: { status: RevisionStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{REVISION_STATUS_NAMES[status]}</Tag>;
}

/** 第 N 版, marked 「变更」 when an approved revision is already in force (this one would replace it). */
export function RevisionNumber({ number, isChange }: { number: number; isChange: boolean }) {
  return (
    <Space size={4}>
      <span>第 {number} 版</span>
      {isChange && <Tag color="purple">变更</Tag>}
    </Space>
  );
}

/** Age in working days; the target is one working day, past it the revision is flagged 超时 (in words, not only red). */
export function WaitingDays({ days, overdue }: { days: number; overdue: boolean }) {
  return (
    <Space size={4}>
      <span>{days} 个工作日</span>
      {overdue && (
        <Tag color="error" icon={<ExclamationCircleOutlined />}>
          超时
        </Tag>
      )}
    </Space>
  );
}

/** 一致 / 不一致 of the licence comparison: the word carries the meaning, the colour only repeats it. */
export function SameTag({ same }: { same: boolean }) {
  return same ? (
    <Tag color="success" icon={<CheckCircleOutlined />}>
      一致
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleOutlined />}>
      不一致
    </Tag>
  );
}
