import type { Migration } from "kysely";
import * as identityAndAccess from "./001_identity_and_access";
import * as catalog from "./002_catalog";
import * as enterprises from "./003_enterprises";
import * as certificates from "./004_certificates";
import * as orders from "./005_orders";
import * as infrastructure from "./006_infrastructure";
import * as loginChallengeExpiry from "./007_login_challenge_expiry";
import * as usedChallenges from "./008_used_challenges";
import * as sessionsKeyedByTokenHash from "./009_sessions_keyed_by_token_hash";
import * as rateLimitSubjects from "./010_rate_limit_subjects";
import * as vendorCaAdapter from "./012_vendor_ca_adapter";
import * as personalInformation from "./013_personal_information";
import * as identityDecisions from "./014_identity_decisions";
import * as enterpriseReview from "./015_enterprise_review";
import * as renewalPayments from "./016_renewal_payments";
import * as keyUpdateProtocol from "./017_key_update_protocol";
import * as expiryReminders from "./018_expiry_reminders";
import * as interop from "./019_interop";

/** Migrations in order; each is written once with Kysely's schema builder and runs on SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  "001_identity_and_access": identityAndAccess,
  "002_catalog": catalog,
  "003_enterprises": enterprises,
  "004_certificates": certificates,
  "005_orders": orders,
  "006_infrastructure": infrastructure,
  "007_login_challenge_expiry": loginChallengeExpiry,
  "008_used_challenges": usedChallenges,
  "009_sessions_keyed_by_token_hash": sessionsKeyedByTokenHash,
  "010_rate_limit_subjects": rateLimitSubjects,
  "012_vendor_ca_adapter": vendorCaAdapter,
  "013_personal_information": personalInformation,
  "014_identity_decisions": identityDecisions,
  "015_enterprise_review": enterpriseReview,
  "016_renewal_payments": renewalPayments,
  "017_key_update_protocol": keyUpdateProtocol,
  "018_expiry_reminders": expiryReminders,
  "019_interop": interop,
};
