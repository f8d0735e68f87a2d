import type { MigrationDb } from "./helpers";

/**
 * One row per rate-limited subject (a mobile, an address, a username at an address). Every check first
 * writes this row (an upsert), which locks it until the check's transaction ends: concurrent checks of one
 * subject run one after another, so counting the window in `rate_limit_hits` and recording the new hit are
 * one atomic step on PostgreSQL as on SQLite. A login subject also keeps its back-off here: the tries since
 * its last success and the time before which the next try is refused.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable("rate_limit_subjects")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("blocked_until", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_subjects_pk", ["bucket", "subject"])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("rate_limit_subjects").execute();
}
