import { isCreatorOrAdmin, isMemberOf } from "../policy/predicates";
import { operator, type ResourceRule, signedInUser } from "../policy/rules";

/** An invoice request as its order makes it someone's: who created the order, for which enterprise. */
export interface InvoiceRequestResource {
  createdByUserId: string;
  enterpriseId: string | null;
}

export const invoicesPolicy = {
  /** 【发票管理】: the current identity's requests (the service scopes them: administrator all, others their own). */
  "invoice.list": signedInUser,
  /** An issued invoice's PDF: the order's creator or its enterprise's administrator. */
  "invoice.download": {
    route: signedInUser,
    resource: (actor, r) => isCreatorOrAdmin(actor, r),
  } satisfies ResourceRule<InvoiceRequestResource>,
  /** 【编辑发票抬头信息】's prefill from the enterprise's approved 开票信息: its members. */
  "invoice.default_title.read": {
    route: signedInUser,
    resource: (actor, e) => isMemberOf(actor, e.id),
  } satisfies ResourceRule<{ id: string }>,
  "console.invoice.read": operator,
  "console.invoice.issue": operator,
} as const;
