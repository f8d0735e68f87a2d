import type { IdentityRole, SessionUser } from "@lnca/contracts";

export const ROLE_NAMES: Record<IdentityRole, string> = {
  admin: "管理员",
  project_lead: "项目负责人",
  authorized_agent: "授权委托人",
  individual: "个人",
};

export type SessionIdentity = SessionUser["identities"][number];

export function currentIdentity(user: SessionUser): SessionIdentity | null {
  return user.identities.find((identity) => identity.id === user.currentIdentityId) ?? null;
}

/** 「演示测试企业 · 管理员」, or 「个人」 for a personal identity. */
export function identityLabel(identity: SessionIdentity): string {
  const role = ROLE_NAMES[identity.role];
  return identity.enterpriseName ? `${identity.enterpriseName} · ${role}` : role;
}

/** How to address the user where a name is expected but may not be known yet. */
export function displayName(user: SessionUser): string {
  return user.name ?? user.mobileMasked;
}
