import { sql } from "kysely";
import { type MigrationDb, oneOf, withId, withTimestamps } from "./helpers";

/**
 * USB keys, the certificates they have held (a lineage across renewals), their trading-platform
 * associations, and the built-in CA's own state.
 */
export async function up(db: MigrationDb): Promise<void> {
  // A token is the physical key. 一锁一人一账号: bound_user_id, once set, never moves to another account.
  await withTimestamps(withId(db.schema.createTable("tokens")))
    .addColumn("bound_user_id", "text", (c) => c.references("users.id"))
    .addColumn("bound_at", "text")
    .addColumn("label", "text")
    .execute();
  await db.schema.createIndex("tokens_user_idx").on("tokens").column("bound_user_id").execute();

  await withTimestamps(withId(db.schema.createTable("certificates")))
    .addColumn("token_id", "text", (c) => c.notNull().references("tokens.id"))
    .addColumn("previous_certificate_id", "text", (c) => c.references("certificates.id"))
    .addColumn("serial_number", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text")
    // Null for registry rows imported from the old platform until the key first logs in.
    .addColumn("fingerprint_sha256", "text", (c) => c.unique())
    .addColumn("certificate_pem", "text")
    .addColumn("holder_kind", "text", (c) => c.notNull().check(oneOf("holder_kind", ["organization", "personal"])))
    .addColumn("category_code", "text", (c) => c.references("certificate_categories.code"))
    .addColumn("vendor_id", "text", (c) => c.references("vendors.id"))
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("holder_id_number", "text")
    .addColumn("enterprise_id", "text", (c) => c.references("enterprises.id"))
    .addColumn("not_before", "text")
    .addColumn("not_after", "text")
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["active", "superseded", "revoked"])))
    .addColumn("source", "text", (c) => c.notNull().check(oneOf("source", ["registry", "login", "issued"])))
    .addColumn("revoked_at", "text")
    .addColumn("revocation_reason", "text")
    .addUniqueConstraint("certificates_issuer_serial_uq", ["issuer", "serial_number"])
    .execute();
  await db.schema.createIndex("certificates_token_idx").on("certificates").column("token_id").execute();
  await db.schema.createIndex("certificates_enterprise_idx").on("certificates").column("enterprise_id").execute();
  await db.schema.createIndex("certificates_serial_idx").on("certificates").column("serial_number").execute();

  await withId(db.schema.createTable("associations"))
    .addColumn("certificate_id", "text", (c) => c.notNull().references("certificates.id"))
    .addColumn("platform_id", "text", (c) => c.notNull().references("platforms.id"))
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["active", "ended"])))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("ended_reason", "text")
    .execute();
  await db.schema
    .createIndex("associations_active_uq")
    .on("associations")
    .columns(["certificate_id", "platform_id"])
    .unique()
    .where(sql.ref("status"), "=", "active")
    .execute();

  // The built-in CA: its certificates and its private keys, encrypted with SECRET_KEY.
  await withId(db.schema.createTable("ca_authorities"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("crl_number", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}
