import { Result } from "antd";
import type { ReactNode } from "react";
import { useStaffSession } from "../api/console";

/** Console permissions the web branches on; the server's policy grants them per role (session `permissions`). */
export type ConsolePermission =
  | "console.catalog.read"
  | "console.catalog.manage"
  | "console.sms_outbox.read"
  | "console.mail_outbox.read"
  | "console.invoice.read"
  | "console.invoice.issue"
  | "console.registry.import"
  | "console.admin_application.read"
  | "console.enterprise_review.read"
  | "console.interop.read";

export function useStaffCan(): (permission: ConsolePermission) => boolean {
  const staff = useStaffSession().data;
  return (permission) => staff?.permissions.includes(permission) ?? false;
}

/** A console page only for roles holding `permission`; other roles read why instead of a form that can only fail. */
export function StaffOnly({ permission, children }: { permission: ConsolePermission; children: ReactNode }) {
  const can = useStaffCan();
  if (can(permission)) return children;
  return (
    <Result
      status="403"
      title={<h1>您的角色无权使用此功能</h1>}
      subTitle="此功能仅向运营角色开放。如需使用，请联系平台管理员调整账号角色。"
    />
  );
}
