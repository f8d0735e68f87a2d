import type { RenewalOrder } from "@lnca/contracts";
import type { InvoiceRequestInput } from "../../api/renewals";

type Kind = InvoiceRequestInput["kind"];
const storageKey = (orderId: string) => `lnca.invoiceKind.${orderId}`;

/**
 * 发票类型选择后不可更改: the kind is fixed once an invoice was requested with a payment of this order — read from
 * the order when the server includes its invoice request, else remembered by this tab when it started paying.
 */
export function lockedInvoiceKind(order: RenewalOrder): Kind | null {
  const fromOrder = (order as { invoice?: { kind?: unknown } | null }).invoice?.kind;
  if (fromOrder === "e_normal" || fromOrder === "paper_special") return fromOrder;
  const remembered = sessionStorage.getItem(storageKey(order.id));
  return remembered === "e_normal" || remembered === "paper_special" ? remembered : null;
}

export function rememberInvoiceKind(orderId: string, kind: Kind): void {
  sessionStorage.setItem(storageKey(orderId), kind);
}
