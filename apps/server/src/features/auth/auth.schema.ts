/**
 * Sign-in: console staff, sessions, SMS codes, spent login challenges, binding tickets. Column conventions:
 * db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  role: "reviewer" | "operator";
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the token in the session's cookie. */
  id: string;
  subject_kind: "user" | "staff";
  user_id: Nullable<string>;
  staff_id: Nullable<string>;
  current_identity_id: Nullable<string>;
  certificate_id: Nullable<string>;
  created_at: string;
  expires_at: string;
  revoked_at: Nullable<string>;
  ip: Nullable<string>;
  user_agent: Nullable<string>;
}

export interface SmsCodesTable {
  id: string;
  mobile: string;
  purpose: string;
  code_hash: string;
  attempts: Generated<number>;
  ip: Nullable<string>;
  created_at: string;
  expires_at: string;
  consumed_at: Nullable<string>;
}

/** A spent login challenge, until it expires (see challenges.service.ts). */
export interface UsedChallengesTable {
  expires_at: string;
  nonce: string;
}

export interface BindingTicketsTable {
  id: string;
  token_hash: string;
  certificate_id: string;
  created_at: string;
  expires_at: string;
  used_at: Nullable<string>;
}
