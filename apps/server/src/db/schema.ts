/**
 * The Kysely view of the schema in ./migrations, assembled from each area's `*.schema.ts` beside its feature
 * (a feature's change touches its own files). Times are ISO-8601 UTC strings, money integer fen, booleans
 * 0/1, JSON as text. See docs/ARCHITECTURE.md for the table diagram.
 */

import type { CaAuthoritiesTable } from "../adapters/ca/builtin-ca.schema";
import type { AuditLogTable } from "../features/audit/audit.schema";
import type {
  BindingTicketsTable,
  SessionsTable,
  SmsCodesTable,
  StaffTable,
  UsedChallengesTable,
} from "../features/auth/auth.schema";
import type {
  CertificateCategoriesTable,
  PlatformsTable,
  ServicePointsTable,
  VendorsTable,
} from "../features/catalog/catalog.schema";
import type {
  AssociationsTable,
  CertificatesTable,
  CrlsTable,
  TokensTable,
  TrustedCertificatesTable,
} from "../features/certificates/certificates.schema";
import type { EnterpriseRevisionsTable, EnterprisesTable } from "../features/enterprises/enterprises.schema";
import type { FilesTable } from "../features/files/files.schema";
import type { IdentitiesTable } from "../features/identities/identities.schema";
import type { WebhookDeliveriesTable, WebhookDeliveryAttemptsTable } from "../features/interop/interop.schema";
import type { InvoiceRequestsTable } from "../features/invoices/invoices.schema";
import type { KeyUpdatesTable } from "../features/keyupdates/keyupdates.schema";
import type { EmailMessagesTable, SmsMessagesTable } from "../features/notifications/notifications.schema";
import type { OutboxJobsTable } from "../features/outbox/outbox.schema";
import type { PaymentsTable, RefundsTable } from "../features/payments/payments.schema";
import type { ExpiryRemindersTable } from "../features/reminders/reminders.schema";
import type {
  OrderNumberDaysTable,
  RenewalItemPlatformsTable,
  RenewalItemsTable,
  RenewalOrdersTable,
} from "../features/renewals/renewals.schema";
import type { UsersTable } from "../features/users/users.schema";
import type { RateLimitHitsTable, RateLimitSubjectsTable } from "../shared/rate-limit.schema";

export type * from "../adapters/ca/builtin-ca.schema";
export type * from "../features/audit/audit.schema";
export type * from "../features/auth/auth.schema";
export type * from "../features/catalog/catalog.schema";
export type * from "../features/certificates/certificates.schema";
export type * from "../features/enterprises/enterprises.schema";
export type * from "../features/files/files.schema";
export type * from "../features/identities/identities.schema";
export type * from "../features/interop/interop.schema";
export type * from "../features/invoices/invoices.schema";
export type * from "../features/keyupdates/keyupdates.schema";
export type * from "../features/notifications/notifications.schema";
export type * from "../features/outbox/outbox.schema";
export type * from "../features/payments/payments.schema";
export type * from "../features/reminders/reminders.schema";
export type * from "../features/renewals/renewals.schema";
export type * from "../features/users/users.schema";
export type * from "../shared/rate-limit.schema";

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
  order_number_days: OrderNumberDaysTable;
  renewal_orders: RenewalOrdersTable;
  renewal_items: RenewalItemsTable;
  renewal_item_platforms: RenewalItemPlatformsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  invoice_requests: InvoiceRequestsTable;
  key_updates: KeyUpdatesTable;
  expiry_reminders: ExpiryRemindersTable;
  files: FilesTable;
  sms_messages: SmsMessagesTable;
  email_messages: EmailMessagesTable;
  outbox_jobs: OutboxJobsTable;
  audit_log: AuditLogTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}
