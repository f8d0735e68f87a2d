import { sql } from "kysely";
import type { MigrationDb } from "./helpers";

/**
 * Expiry reminders (SMS and e-mail 30, 7 and 1 days before a certificate expires): one row per certificate and
 * step, keyed by both, so of several server processes scanning at the same moment exactly one inserts it — and
 * only the inserter queues the messages, in the same transaction. The daily scan finds certificates by expiry.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable("expiry_reminders")
    .addColumn("certificate_id", "text", (c) => c.notNull().references("certificates.id"))
    .addColumn("step_days", "integer", (c) => c.notNull().check(sql`step_days > 0`))
    .addColumn("not_after", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("expiry_reminders_pk", ["certificate_id", "step_days"])
    .execute();
  await db.schema.createIndex("certificates_expiry_idx").on("certificates").columns(["status", "not_after"]).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex("certificates_expiry_idx").execute();
  await db.schema.dropTable("expiry_reminders").execute();
}
