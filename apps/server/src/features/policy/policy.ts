import { AppError } from "../../shared/app-error";
import { authPolicy } from "../auth/auth.policy";
import { catalogPolicy } from "../catalog/catalog.policy";
import { certificatesPolicy } from "../certificates/certificates.policy";
import { downloadsPolicy } from "../downloads/downloads.policy";
import { enterprisesPolicy } from "../enterprises/enterprises.policy";
import { identitiesPolicy } from "../identities/identities.policy";
import { interopPolicy } from "../interop/interop.policy";
import { invoicesPolicy } from "../invoices/invoices.policy";
import { keyUpdatesPolicy } from "../keyupdates/keyupdates.policy";
import { licencesPolicy } from "../licences/licences.policy";
import { notificationsPolicy } from "../notifications/notifications.policy";
import { paymentsPolicy } from "../payments/payments.policy";
import { renewalsPolicy } from "../renewals/renewals.policy";
import { usersPolicy } from "../users/users.policy";
import type { Actor } from "./actor";
import { anyone, type ResourceRule, type Rule } from "./rules";

/**
 * The one place that says who may do what: each feature's rules (features/<feature>/<feature>.policy.ts),
 * by name. Every route names one of these permissions; the route-level part runs before the handler; a
 * route with a resource loads it and asks `can(actor, action, resource)` (or `authorize`).
 */
export const policy = {
  public: anyone,
  ...authPolicy,
  ...catalogPolicy,
  ...certificatesPolicy,
  ...downloadsPolicy,
  ...enterprisesPolicy,
  ...identitiesPolicy,
  ...invoicesPolicy,
  ...keyUpdatesPolicy,
  ...interopPolicy,
  ...licencesPolicy,
  ...notificationsPolicy,
  ...renewalsPolicy,
  ...paymentsPolicy,
  ...usersPolicy,
} as const satisfies Record<string, Rule | ResourceRule<never>>;

type Policy = typeof policy;
export type Permission = keyof Policy;
/** The actions decided on a resource, and the resource each takes. */
export type ResourceAction = { [P in Permission]: Policy[P] extends ResourceRule<never> ? P : never }[Permission];
export type ResourceOf<A extends ResourceAction> = Policy[A] extends ResourceRule<infer R> ? R : never;

/** Route level: may this actor call a route naming `permission` (the resource, if any, comes later)? */
export function can(actor: Actor, permission: Permission): boolean;
/** Resource level: may this actor do `action` on this resource? */
export function can<A extends ResourceAction>(actor: Actor, action: A, resource: ResourceOf<A>): boolean;
export function can(actor: Actor, permission: Permission, resource?: unknown): boolean {
  const rule = policy[permission] as Rule | ResourceRule<unknown>;
  if (typeof rule === "function") return rule(actor);
  return rule.route(actor) && (resource === undefined || rule.resource(actor, resource));
}

/** `can`, or the coded refusal: UNAUTHENTICATED for nobody signed in, FORBIDDEN otherwise. */
export function authorize<A extends ResourceAction>(actor: Actor, action: A, resource: ResourceOf<A>): void {
  if (!can(actor, action, resource)) throw new AppError(actor.kind === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");
}

/** Console permissions are answered from the operator-console session, all others from the portal session. */
export const isConsolePermission = (permission: Permission): boolean =>
  permission.startsWith("console.") && permission !== "console.login" && permission !== "console.logout";

/** The console permissions a staff role holds, so the console shows each role only what it may do. */
export function consolePermissionsOf(role: Extract<Actor, { kind: "staff" }>["role"]): Permission[] {
  const staff: Actor = { kind: "staff", staffId: "", role };
  return (Object.keys(policy) as Permission[]).filter((p) => isConsolePermission(p) && can(staff, p));
}
