import { isCreatorOrAdmin } from "../policy/predicates";
import { anyone, operator, type ResourceRule, signedInUser } from "../policy/rules";
import type { RenewalOrderResource } from "../renewals/renewals.policy";

export const paymentsPolicy = {
  /** 【立即支付】: the order's creator or the enterprise's administrator. */
  "renewal_order.pay": {
    route: signedInUser,
    resource: (actor, order) => isCreatorOrAdmin(actor, order),
  } satisfies ResourceRule<RenewalOrderResource>,
  /** The cashier page's polling (the service checks the payment's order like renewal_order.read). */
  "payment.read": signedInUser,
  /** The providers' asynchronous notifications: anyone may send one, only a correctly signed one counts. */
  "payment.notify": anyone,
  "console.payment.read": operator,
  /** 【退款】: the operators, with a reason, whole order or some items. */
  "console.renewal_order.refund": operator,
} as const;
