import { isAdminOf, isClaimedBy, isMemberOf } from "../policy/predicates";
import { anyStaff, type ResourceRule, reviewer, signedInUser } from "../policy/rules";

export interface EnterpriseResource {
  id: string;
}

/** A submitted revision as a reviewer decides on it. */
export interface ReviewResource {
  claimedByStaffId: string | null;
}

export const enterprisesPolicy = {
  /** Its own members (administrator, project leads, agents) in that identity. */
  "enterprise.read": {
    route: signedInUser,
    resource: (actor, e) => isMemberOf(actor, e.id),
  } satisfies ResourceRule<EnterpriseResource>,
  "console.enterprise.read": anyStaff,
  /** 【企业信息】: every member sees the status and the information (the ID number masked). */
  "enterprise.information.read": {
    route: signedInUser,
    resource: (actor, e) => isMemberOf(actor, e.id),
  } satisfies ResourceRule<EnterpriseResource>,
  /** 【编辑企业信息】, its attachments and the 印模采集表: the administrator only (guide §三 1). */
  "enterprise.information.edit": {
    route: signedInUser,
    resource: (actor, e) => isAdminOf(actor, e.id),
  } satisfies ResourceRule<EnterpriseResource>,
  /** 审核队列: the reviewers read the queue, the details and the attachments (personal information included). */
  "console.enterprise_review.read": reviewer,
  "console.enterprise_review.claim": reviewer,
  /** Only the reviewer who claimed a revision decides it: two reviewers never decide the same one. */
  "console.enterprise_review.decide": {
    route: reviewer,
    resource: (actor, r) => isClaimedBy(actor, r),
  } satisfies ResourceRule<ReviewResource>,
} as const;
