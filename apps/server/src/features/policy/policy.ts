import type { Actor } from "./actor";

/**
 * The one place that says who may do what. Every route names one of these permissions; a route-level
 * check runs `can(actor, permission)` before the handler, and services call `can` again with the resource
 * when the answer depends on it (e.g. an enterprise's own administrator).
 */
type Rule = (actor: Actor, resource?: PolicyResource) => boolean;

export interface PolicyResource {
  enterpriseId?: string | null;
  ownerUserId?: string | null;
}

const anyone: Rule = () => true;
const signedInUser: Rule = (a) => a.kind === "user";
const anyStaff: Rule = (a) => a.kind === "staff";
const operator: Rule = (a) => a.kind === "staff" && a.role === "operator";

export const policy = {
  public: anyone,
  "auth.login": anyone,
  "session.read": signedInUser,
  "session.logout": anyone,
  "console.login": anyone,
  "console.session": anyStaff,
  "console.logout": anyone,
  "console.catalog.read": anyStaff,
  "console.sms_outbox.read": operator,
  "console.registry.import": operator,
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof policy;

export function can(actor: Actor, permission: Permission, resource?: PolicyResource): boolean {
  return policy[permission](actor, resource);
}

/** Console permissions are answered from the operator-console session, all others from the portal session. */
export const isConsolePermission = (permission: Permission): boolean =>
  permission.startsWith("console.") && permission !== "console.login" && permission !== "console.logout";
