import { Tag } from "antd";

// Identities of project leads and agents wait for the administrator's approval (SPEC J2).
const STATUS: Record<string, { label: string; color: string }> = {
  active: { label: "已生效", color: "success" },
  approved: { label: "已生效", color: "success" },
  pending: { label: "待审批", color: "processing" },
  rejected: { label: "未通过", color: "error" },
  disabled: { label: "已停用", color: "default" },
  revoked: { label: "已移除", color: "default" },
};

export function identityStatusTag(status: string) {
  const known = STATUS[status];
  return <Tag color={known?.color ?? "default"}>{known?.label ?? status}</Tag>;
}
