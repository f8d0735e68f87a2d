/**
 * Key updates: a renewal executed on the token. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export type KeyUpdateStatus =
  | "pending"
  | "renewal_requested"
  | "csr_received"
  | "issued"
  | "written"
  | "confirmed"
  | "failed";

export interface KeyUpdatesTable {
  id: string;
  renewal_item_id: string;
  old_certificate_id: string;
  new_certificate_id: Nullable<string>;
  status: KeyUpdateStatus;
  ca_reference: Nullable<string>;
  csr_pem: Nullable<string>;
  new_certificate_pem: Nullable<string>;
  attempts: Generated<number>;
  last_error: Nullable<string>;
  created_at: string;
  updated_at: string;
}
