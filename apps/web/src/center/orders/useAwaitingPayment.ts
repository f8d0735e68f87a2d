import type { RenewalOrder } from "@lnca/contracts";
import { useState } from "react";

/** Long enough for a provider's notification or the server's query to land; then the payer reloads by hand. */
const WAIT_MS = 2 * 60_000;

/**
 * Whether an unpaid order has a payment under way that may complete any moment (the payer just came back from
 * Alipay): the answer comes by the provider's notification, not with the return, so the page keeps reading the
 * order for a while after it opened.
 */
export function useAwaitingPayment(): (order: RenewalOrder) => boolean {
  const [openedAt] = useState(() => Date.now());
  return (order) =>
    order.status === "pending_payment" &&
    order.payments.some((payment) => payment.status === "created") &&
    Date.now() - openedAt < WAIT_MS;
}
