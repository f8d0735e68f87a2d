import { isMemberOf } from "../policy/predicates";
import { anyStaff, type ResourceRule, signedInUser } from "../policy/rules";

export interface EnterpriseResource {
  id: string;
}

export const enterprisesPolicy = {
  /** Its own members (administrator, project leads, agents) in that identity. */
  "enterprise.read": {
    route: signedInUser,
    resource: (actor, e) => isMemberOf(actor, e.id),
  } satisfies ResourceRule<EnterpriseResource>,
  "console.enterprise.read": anyStaff,
} as const;
