import type { EnterpriseResource } from "../enterprises/enterprises.policy";
import { isAdminOf, isUser } from "../policy/predicates";
import { operator, type ResourceRule, signedInUser } from "../policy/rules";
import type { IdentityResource } from "./identity-decisions.service";

/**
 * Identities: a person applies for and switches among their own; the enterprise's administrator decides on its
 * enterprise's project leads and agents (人员管理), speaking as that administrator; an administrator application
 * is the operator's to decide (the enterprise has no administrator to ask).
 */
export const identitiesPolicy = {
  "identity.apply": signedInUser,
  "identity.switch": {
    route: signedInUser,
    resource: (actor, identity) => isUser(actor, identity.userId),
  } satisfies ResourceRule<IdentityResource>,
  "identity.decide": {
    route: signedInUser,
    resource: (actor, identity) => identity.role !== "admin" && isAdminOf(actor, identity.enterpriseId),
  } satisfies ResourceRule<IdentityResource>,
  /** The administrator removes a member; a person may give up their own (an administrator's is kept: service). */
  "identity.remove": {
    route: signedInUser,
    resource: (actor, identity) => isAdminOf(actor, identity.enterpriseId) || isUser(actor, identity.userId),
  } satisfies ResourceRule<IdentityResource>,
  "enterprise.people.read": {
    route: signedInUser,
    resource: (actor, enterprise) => isAdminOf(actor, enterprise.id),
  } satisfies ResourceRule<EnterpriseResource>,
  "console.admin_application.read": operator,
  "console.admin_application.decide": operator,
} as const;
