/**
 * Invoice requests of renewal orders. Column conventions: db/schema.ts.
 */
import type { Nullable } from "../../db/column-types";

export interface InvoiceRequestsTable {
  id: string;
  order_id: string;
  kind: "e_normal" | "paper_special";
  title_type: "enterprise" | "personal";
  title: string;
  taxpayer_number: Nullable<string>;
  address: Nullable<string>;
  phone: Nullable<string>;
  bank: Nullable<string>;
  bank_account: Nullable<string>;
  email: Nullable<string>;
  status: "requested" | "issued" | "cancelled";
  file_id: Nullable<string>;
  issued_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}
