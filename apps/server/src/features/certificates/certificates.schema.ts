/**
 * Keys and their certificates, the platforms they are associated with, and the trust anchors and CRLs logins are
 * checked against. Column conventions: db/schema.ts.
 */
import type { Nullable } from "../../db/column-types";

export interface TrustedCertificatesTable {
  id: string;
  vendor_id: string;
  kind: "root" | "intermediate";
  subject: string;
  fingerprint_sha256: string;
  certificate_pem: string;
  not_after: string;
  created_at: string;
}

export interface CrlsTable {
  id: string;
  issuer_fingerprint_sha256: string;
  crl_pem: string;
  crl_number: number;
  this_update: string;
  next_update: string;
}

export interface TokensTable {
  id: string;
  bound_user_id: Nullable<string>;
  bound_at: Nullable<string>;
  label: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export type CertificateStatus = "active" | "superseded" | "revoked";

export interface CertificatesTable {
  id: string;
  token_id: string;
  previous_certificate_id: Nullable<string>;
  serial_number: string;
  issuer: string;
  subject: Nullable<string>;
  fingerprint_sha256: Nullable<string>;
  certificate_pem: Nullable<string>;
  holder_kind: "organization" | "personal";
  category_code: Nullable<string>;
  vendor_id: Nullable<string>;
  holder_name: string;
  holder_id_number: Nullable<string>;
  enterprise_id: Nullable<string>;
  not_before: Nullable<string>;
  not_after: Nullable<string>;
  status: CertificateStatus;
  source: "registry" | "login" | "issued";
  revoked_at: Nullable<string>;
  revocation_reason: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface AssociationsTable {
  id: string;
  certificate_id: string;
  platform_id: string;
  status: "active" | "ended";
  started_at: string;
  ended_at: Nullable<string>;
  ended_reason: Nullable<string>;
}
