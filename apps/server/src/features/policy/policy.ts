import type { RequestActor } from "./actor";

type StaffRole = Extract<RequestActor, { kind: "staff" }>["role"];

/**
 * The one place that says who may do what. Every route names one of these permissions; a route-level
 * check runs `can(actor, permission)` before the handler, and services call `can` again with the resource
 * when the answer depends on it (e.g. an enterprise's own administrator).
 */
type Rule = (actor: RequestActor, resource?: PolicyResource) => boolean;

export interface PolicyResource {
  enterpriseId?: string | null;
  ownerUserId?: string | null;
}

const anyone: Rule = () => true;
const anyStaff: Rule = (a) => a.kind === "staff";
const operator: Rule = (a) => a.kind === "staff" && a.role === "operator";

export const policy = {
  public: anyone,
  "auth.login": anyone,
  // Anyone may ask; without a user session the answer is "no one" ({ user: null }), not an error.
  "session.read": anyone,
  "session.logout": anyone,
  "console.login": anyone,
  // Like session.read: the console login page asks on every load, and "no one" is an answer, not an error.
  "console.session": anyone,
  "console.logout": anyone,
  "console.catalog.read": anyStaff,
  "console.sms_outbox.read": operator,
  "console.registry.import": operator,
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof policy;

export function can(actor: RequestActor, permission: Permission, resource?: PolicyResource): boolean {
  return policy[permission](actor, resource);
}

/** Console permissions are answered from the operator-console session, all others from the portal session. */
export const isConsolePermission = (permission: Permission): boolean =>
  permission.startsWith("console.") && permission !== "console.login" && permission !== "console.logout";

/** The console permissions a staff role holds, so the console shows each role only what it may do. */
export function consolePermissionsOf(role: StaffRole): Permission[] {
  const staff: RequestActor = { kind: "staff", staffId: "", sessionId: "", role };
  return (Object.keys(policy) as Permission[]).filter((p) => isConsolePermission(p) && can(staff, p));
}
