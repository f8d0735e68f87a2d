import { isCreatorOrAdmin } from "../policy/predicates";
import { operator, type ResourceRule, signedInUser } from "../policy/rules";

/** An order as its permissions see it: who made it, for which enterprise. */
export interface RenewalOrderResource {
  createdByUserId: string;
  enterpriseId: string | null;
}

export const renewalsPolicy = {
  /** 【CA 延期年检】 and 【更新数字证书】: what the current identity may renew (the service scopes it). */
  "renewal.certificates.read": signedInUser,
  "renewal_order.create": signedInUser,
  /** 【订单管理】: the administrator sees the enterprise's orders, everyone else the orders they made. */
  "renewal_order.list": signedInUser,
  "renewal_order.read": {
    route: signedInUser,
    resource: (actor, order) => isCreatorOrAdmin(actor, order),
  } satisfies ResourceRule<RenewalOrderResource>,
  "renewal_order.cancel": {
    route: signedInUser,
    resource: (actor, order) => isCreatorOrAdmin(actor, order),
  } satisfies ResourceRule<RenewalOrderResource>,
  /** Orders and payments in the console: the operators. */
  "console.renewal_order.read": operator,
} as const;
