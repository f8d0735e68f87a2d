import { type MigrationDb, nonNegative, oneOf, withId, withTimestamps } from "./helpers";

/**
 * Platform interoperability: each platform's API key (its SHA-256; the previous one for a short overlap after
 * a rotation) and webhook secret (sealed; the previous one also signs during the overlap), and the webhooks
 * sent to the platforms with every delivery attempt. One delivery per event, platform and certificate.
 */
export async function up(db: MigrationDb): Promise<void> {
  const platformColumns = [
    "interop_key_hint",
    "interop_key_issued_at",
    "interop_previous_key_hash",
    "interop_previous_key_expires_at",
    "webhook_secret_issued_at",
    "webhook_previous_secret_encrypted",
    "webhook_previous_secret_expires_at",
  ];
  for (const column of platformColumns) {
    await db.schema.alterTable("platforms").addColumn(column, "text").execute();
  }
  await db.schema.createIndex("platforms_interop_key_uq").on("platforms").column("interop_key_hash").unique().execute();
  await db.schema
    .createIndex("platforms_interop_previous_key_idx")
    .on("platforms")
    .column("interop_previous_key_hash")
    .execute();

  await withTimestamps(withId(db.schema.createTable("webhook_deliveries")))
    .addColumn("platform_id", "text", (c) => c.notNull().references("platforms.id"))
    .addColumn("event_type", "text", (c) =>
      c.notNull().check(oneOf("event_type", ["certificate.renewed", "certificate.disassociated"])),
    )
    .addColumn("certificate_id", "text", (c) => c.notNull().references("certificates.id"))
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["pending", "failed", "delivered", "abandoned"])),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0).check(nonNegative("attempts")))
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_event_uq")
    .on("webhook_deliveries")
    .columns(["event_type", "platform_id", "certificate_id"])
    .unique()
    .execute();
  await db.schema.createIndex("webhook_deliveries_created_idx").on("webhook_deliveries").column("created_at").execute();

  await withId(db.schema.createTable("webhook_delivery_attempts"))
    .addColumn("delivery_id", "text", (c) => c.notNull().references("webhook_deliveries.id"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("error", "text")
    .addColumn("duration_ms", "integer", (c) => c.notNull().check(nonNegative("duration_ms")))
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("webhook_delivery_attempts_delivery_idx")
    .on("webhook_delivery_attempts")
    .columns(["delivery_id", "attempt"])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("webhook_delivery_attempts").execute();
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema.dropIndex("platforms_interop_previous_key_idx").execute();
  await db.schema.dropIndex("platforms_interop_key_uq").execute();
  for (const column of [
    "webhook_previous_secret_expires_at",
    "webhook_previous_secret_encrypted",
    "webhook_secret_issued_at",
    "interop_previous_key_expires_at",
    "interop_previous_key_hash",
    "interop_key_issued_at",
    "interop_key_hint",
  ]) {
    await db.schema.alterTable("platforms").dropColumn(column).execute();
  }
}
