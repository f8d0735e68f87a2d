import { type MigrationDb, nonNegative, withId, withTimestamps } from "./helpers";

/** What is sold and who is trusted: categories with base fees, platforms with fees, vendors and their roots. */
export async function up(db: MigrationDb): Promise<void> {
  await withTimestamps(db.schema.createTable("certificate_categories"))
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("holder_kind", "text", (c) => c.notNull())
    .addColumn("base_fee_fen", "integer", (c) => c.notNull().check(nonNegative("base_fee_fen")))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await withTimestamps(withId(db.schema.createTable("platforms")))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("fee_fen", "integer", (c) => c.notNull().check(nonNegative("fee_fen")))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("webhook_url", "text")
    .addColumn("webhook_secret_encrypted", "text")
    .addColumn("interop_key_hash", "text")
    .execute();

  await withTimestamps(withId(db.schema.createTable("vendors")))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("est_url", "text")
    .execute();

  await withId(db.schema.createTable("trusted_certificates"))
    .addColumn("vendor_id", "text", (c) => c.notNull().references("vendors.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("fingerprint_sha256", "text", (c) => c.notNull().unique())
    .addColumn("certificate_pem", "text", (c) => c.notNull())
    .addColumn("not_after", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable("crls"))
    .addColumn("issuer_fingerprint_sha256", "text", (c) => c.notNull().unique())
    .addColumn("crl_pem", "text", (c) => c.notNull())
    .addColumn("crl_number", "integer", (c) => c.notNull())
    .addColumn("this_update", "text", (c) => c.notNull())
    .addColumn("next_update", "text", (c) => c.notNull())
    .execute();

  await withTimestamps(withId(db.schema.createTable("service_points")))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("phone", "text")
    .execute();
}
