import { sql } from "kysely";
import type { MigrationDb } from "./helpers";

/**
 * Enterprise information under review (J3): a revision's attachments (kind → file id, JSON), the reviewer who
 * claimed it and when, and the queue's order. A rejected revision is kept as it was decided (nothing submitted
 * is overwritten): fixing it starts a new draft, so only a draft or a revision under review is "open".
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable("enterprise_revisions")
    .addColumn("attachments", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema
    .alterTable("enterprise_revisions")
    .addColumn("claimed_by_staff_id", "text", (c) => c.references("staff.id"))
    .execute();
  await db.schema.alterTable("enterprise_revisions").addColumn("claimed_at", "text").execute();
  await db.schema.dropIndex("enterprise_revisions_open_uq").execute();
  await db.schema
    .createIndex("enterprise_revisions_open_uq")
    .on("enterprise_revisions")
    .column("enterprise_id")
    .unique()
    .where(sql.ref("status"), "in", ["draft", "pending_review"])
    .execute();
  await db.schema
    .createIndex("enterprise_revisions_queue_idx")
    .on("enterprise_revisions")
    .columns(["status", "submitted_at"])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex("enterprise_revisions_queue_idx").execute();
  await db.schema.dropIndex("enterprise_revisions_open_uq").execute();
  await db.schema
    .createIndex("enterprise_revisions_open_uq")
    .on("enterprise_revisions")
    .column("enterprise_id")
    .unique()
    .where(sql.ref("status"), "in", ["draft", "pending_review", "rejected"])
    .execute();
  await db.schema.alterTable("enterprise_revisions").dropColumn("claimed_at").execute();
  await db.schema.alterTable("enterprise_revisions").dropColumn("claimed_by_staff_id").execute();
  await db.schema.alterTable("enterprise_revisions").dropColumn("attachments").execute();
}
