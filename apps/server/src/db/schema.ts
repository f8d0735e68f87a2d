import type { Generated } from "kysely";
import type { CaAdapterKind } from "../adapters/ca/ca-adapter";

/**
 * The Kysely view of the schema in ./migrations. Times are ISO-8601 UTC strings, money integer fen,
 * booleans 0/1, JSON as text. See docs/ARCHITECTURE.md for the table diagram.
 */
type Nullable<T> = T | null;

export interface UsersTable {
  id: string;
  mobile: string;
  name: Nullable<string>;
  id_number: Nullable<string>;
  email: Nullable<string>;
  password_hash: Nullable<string>;
  id_card_front_file_id: Nullable<string>;
  id_card_back_file_id: Nullable<string>;
  profile_completed_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}

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

export interface RateLimitHitsTable {
  id: string;
  bucket: string;
  subject: string;
  created_at: string;
}

export interface RateLimitSubjectsTable {
  bucket: string;
  subject: string;
  /** Login subjects: tries since the last success (a try counts until it succeeds). */
  failures: Generated<number>;
  /** Login subjects: no try is taken before this time. */
  blocked_until: Nullable<string>;
  updated_at: string;
}

export interface CertificateCategoriesTable {
  code: string;
  name: string;
  holder_kind: "organization" | "personal";
  base_fee_fen: number;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PlatformsTable {
  id: string;
  code: string;
  name: string;
  fee_fen: number;
  active: Generated<number>;
  sort_order: Generated<number>;
  webhook_url: Nullable<string>;
  webhook_secret_encrypted: Nullable<string>;
  interop_key_hash: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface VendorsTable {
  id: string;
  code: string;
  name: string;
  est_url: Nullable<string>;
  /** Which CA adapter renews this vendor's certificates (adapters/ca/ca-adapter.ts). */
  adapter: Generated<CaAdapterKind>;
  created_at: string;
  updated_at: string;
}

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

export interface ServicePointsTable {
  id: string;
  code: string;
  name: string;
  city: string;
  address: Nullable<string>;
  phone: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface EnterprisesTable {
  id: string;
  uscc: string;
  name: string;
  approved_revision_id: Nullable<string>;
  service_point_id: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export type EnterpriseRevisionStatus = "draft" | "pending_review" | "approved" | "rejected" | "superseded";

export interface EnterpriseRevisionsTable {
  id: string;
  enterprise_id: string;
  number: number;
  status: EnterpriseRevisionStatus;
  basic_info: Generated<string>;
  invoicing_info: Generated<string>;
  signing_info: Generated<string>;
  ocr_comparison: Nullable<string>;
  created_by_user_id: string;
  submitted_at: Nullable<string>;
  reviewed_by_staff_id: Nullable<string>;
  reviewed_at: Nullable<string>;
  review_opinion: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export type IdentityRole = "admin" | "project_lead" | "authorized_agent" | "individual";
export type IdentityStatus = "pending" | "active" | "rejected" | "revoked";

export interface IdentitiesTable {
  id: string;
  user_id: string;
  enterprise_id: Nullable<string>;
  role: IdentityRole;
  status: IdentityStatus;
  decided_by_user_id: Nullable<string>;
  decided_at: Nullable<string>;
  created_at: string;
  updated_at: string;
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

export interface CaAuthoritiesTable {
  id: string;
  name: string;
  state: string;
  crl_number: Generated<number>;
  created_at: string;
}

export type RenewalOrderStatus = "pending_payment" | "paid" | "completed" | "cancelled" | "expired" | "refunded";

export interface RenewalOrdersTable {
  id: string;
  order_no: string;
  enterprise_id: Nullable<string>;
  created_by_user_id: string;
  identity_id: string;
  status: RenewalOrderStatus;
  total_fen: number;
  idempotency_key: Nullable<string>;
  expires_at: string;
  paid_at: Nullable<string>;
  wants_invoice: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type RenewalItemStatus =
  | "awaiting_payment"
  | "awaiting_update"
  | "updating"
  | "completed"
  | "cancelled"
  | "refunded";

export interface RenewalItemsTable {
  id: string;
  order_id: string;
  certificate_id: string;
  holder_user_id: Nullable<string>;
  category_code: string;
  base_fee_fen: number;
  price_fen: number;
  previous_platform_codes: string;
  status: RenewalItemStatus;
  created_at: string;
  updated_at: string;
}

export interface RenewalItemPlatformsTable {
  item_id: string;
  platform_id: string;
  fee_fen: number;
}

export interface PaymentsTable {
  id: string;
  order_id: string;
  channel: "alipay" | "wechat";
  out_trade_no: string;
  amount_fen: number;
  status: "created" | "paid" | "closed" | "refunding" | "refunded" | "failed";
  provider_trade_no: Nullable<string>;
  paid_at: Nullable<string>;
  last_notification: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface RefundsTable {
  id: string;
  payment_id: string;
  out_refund_no: string;
  amount_fen: number;
  status: "requested" | "succeeded" | "failed";
  reason: Nullable<string>;
  requested_by_staff_id: Nullable<string>;
  created_at: string;
  updated_at: string;
}

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

export interface FilesTable {
  id: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  original_name: Nullable<string>;
  purpose: string;
  uploaded_by_user_id: Nullable<string>;
  created_at: string;
}

export interface SmsMessagesTable {
  id: string;
  mobile: string;
  template: string;
  params: string;
  content: string;
  provider: string;
  status: "pending" | "sent" | "failed";
  provider_message_id: Nullable<string>;
  error: Nullable<string>;
  sent_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface EmailMessagesTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attachment_file_ids: Generated<string>;
  provider: string;
  status: "pending" | "sent" | "failed";
  error: Nullable<string>;
  sent_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export type OutboxJobStatus = "pending" | "running" | "done" | "dead";

export interface OutboxJobsTable {
  id: string;
  kind: string;
  payload: string;
  status: OutboxJobStatus;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: string;
  locked_until: Nullable<string>;
  locked_by: Nullable<string>;
  last_error: Nullable<string>;
  dedupe_key: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: "user" | "staff" | "system" | "platform" | "anonymous";
  actor_id: Nullable<string>;
  action: string;
  entity_kind: string;
  entity_id: Nullable<string>;
  data: Generated<string>;
  ip: Nullable<string>;
}

export interface Database {
  users: UsersTable;
  staff: StaffTable;
  sessions: SessionsTable;
  sms_codes: SmsCodesTable;
  used_challenges: UsedChallengesTable;
  binding_tickets: BindingTicketsTable;
  rate_limit_hits: RateLimitHitsTable;
  rate_limit_subjects: RateLimitSubjectsTable;
  certificate_categories: CertificateCategoriesTable;
  platforms: PlatformsTable;
  vendors: VendorsTable;
  trusted_certificates: TrustedCertificatesTable;
  crls: CrlsTable;
  service_points: ServicePointsTable;
  enterprises: EnterprisesTable;
  enterprise_revisions: EnterpriseRevisionsTable;
  identities: IdentitiesTable;
  tokens: TokensTable;
  certificates: CertificatesTable;
  associations: AssociationsTable;
  ca_authorities: CaAuthoritiesTable;
  renewal_orders: RenewalOrdersTable;
  renewal_items: RenewalItemsTable;
  renewal_item_platforms: RenewalItemPlatformsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  invoice_requests: InvoiceRequestsTable;
  key_updates: KeyUpdatesTable;
  files: FilesTable;
  sms_messages: SmsMessagesTable;
  email_messages: EmailMessagesTable;
  outbox_jobs: OutboxJobsTable;
  audit_log: AuditLogTable;
}
