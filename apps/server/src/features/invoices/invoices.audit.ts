import type { InvoiceKind } from "@lnca/contracts";

/** The audit actions of invoice requests (declared here, beside the code that records them). */
declare module "../audit/audit" {
  interface AuditActions {
    "invoice_request.requested": { orderId: string; enterpriseId: string | null; kind: InvoiceKind };
    "invoice_request.title_changed": { orderId: string };
    "invoice_request.issued": { orderId: string; fileId: string; mailId: string | null; generated: boolean };
    "invoice_request.cancelled": { orderId: string };
    "invoice_request.downloaded": { orderId: string; fileId: string };
  }
}
