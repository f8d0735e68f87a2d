import type { MigrationDb } from "./helpers";

/**
 * Who decided an identity and why: an administrator application is decided by the operator (staff, not a
 * user), and a rejection carries its reason, which the applicant is told.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable("identities")
    .addColumn("decided_by_staff_id", "text", (c) => c.references("staff.id"))
    .execute();
  await db.schema.alterTable("identities").addColumn("decision_reason", "text").execute();
  await db.schema
    .createIndex("identities_pending_admin_idx")
    .on("identities")
    .columns(["role", "status", "created_at"])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex("identities_pending_admin_idx").execute();
  await db.schema.alterTable("identities").dropColumn("decision_reason").execute();
  await db.schema.alterTable("identities").dropColumn("decided_by_staff_id").execute();
}
