import type { ConsoleInvoiceRequest, InvoiceRequestInput, InvoiceRequestView, InvoiceTitle } from "@lnca/contracts";
import type { InvoiceRequestsTable } from "../../db/schema";
import type { RequestWithOrder } from "./invoices.queries";

export function titleOf(row: RequestWithOrder): InvoiceTitle {
  return {
    titleType: row.title_type,
    title: row.title,
    taxpayerNumber: row.taxpayer_number,
    address: row.address,
    phone: row.phone,
    bank: row.bank,
    bankAccount: row.bank_account,
  };
}

export function requestView(row: RequestWithOrder): InvoiceRequestView {
  return {
    ...titleOf(row),
    id: row.id,
    orderId: row.order_id,
    orderNo: row.order_no,
    amountFen: row.total_fen,
    kind: row.kind,
    email: row.email,
    status: row.status,
    requestedAt: row.created_at,
    issuedAt: row.issued_at,
  };
}

export function consoleRequestView(row: RequestWithOrder): ConsoleInvoiceRequest {
  return {
    ...requestView(row),
    enterpriseName: row.enterprise_name,
    orderStatus: row.order_status,
    paidAt: row.paid_at,
  };
}

const optional = (value: string | undefined, normalize = (v: string) => v.trim()) =>
  value === undefined || value.trim() === "" ? null : normalize(value);

/** The snapshot kept on the request: the title details as given, in the form they are checked in. */
export function snapshotOf(
  input: InvoiceRequestInput,
): Pick<
  InvoiceRequestsTable,
  "title_type" | "title" | "taxpayer_number" | "address" | "phone" | "bank" | "bank_account" | "email"
> {
  return {
    title_type: input.titleType,
    title: input.title.trim(),
    taxpayer_number: optional(input.taxpayerNumber, (v) => v.trim().toUpperCase()),
    address: optional(input.address),
    phone: optional(input.phone, (v) => v.replace(/\s/g, "")),
    bank: optional(input.bank),
    bank_account: optional(input.bankAccount, (v) => v.replace(/\s/g, "")),
    email: input.email.trim(),
  };
}
