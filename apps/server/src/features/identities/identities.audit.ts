import type { IdentityRole, IdentityStatus } from "../../db/schema";

/** The audit actions of identities (declared here, beside the code that records them). */
declare module "../audit/audit" {
  interface AuditActions {
    "identity.applied": { enterpriseId: string | null; role: IdentityRole; status: IdentityStatus };
    "identity.approved": { userId: string; enterpriseId: string | null; role: IdentityRole };
    "identity.rejected": { userId: string; enterpriseId: string | null; role: IdentityRole; reason: string };
    "identity.removed": { userId: string; enterpriseId: string | null; role: IdentityRole };
    "session.identity_switched": { identityId: string };
  }
}

/** How a role is named to people (SMS, messages): the guide's words. */
export const ROLE_NAMES: Record<IdentityRole, string> = {
  admin: "管理员",
  project_lead: "项目负责人",
  authorized_agent: "授权委托人",
  individual: "个人",
};
