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
  /** Set at the confirmation: the renewed certificate becomes the key's certificate only then. */
  new_certificate_id: Nullable<string>;
  status: KeyUpdateStatus;
  /** What the old key's proof binds; a new one at every opening until the CA has issued. */
  nonce: string;
  ca_reference: Nullable<string>;
  csr_pem: Nullable<string>;
  /** The renewed certificate, its chain (JSON array of PEM) and its end of validity, from issuance on. */
  new_certificate_pem: Nullable<string>;
  new_chain_pem: Nullable<string>;
  new_not_after: Nullable<string>;
  attempts: Generated<number>;
  last_error: Nullable<string>;
  created_at: string;
  updated_at: string;
}
