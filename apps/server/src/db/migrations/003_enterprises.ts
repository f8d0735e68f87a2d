import { sql } from "kysely";
import { type MigrationDb, oneOf, withId, withTimestamps } from "./helpers";

/** Enterprises, their reviewed information revisions, and the identities people hold in them. */
export async function up(db: MigrationDb): Promise<void> {
  await withTimestamps(withId(db.schema.createTable("enterprises")))
    .addColumn("uscc", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    // The last approved revision stays in force while a newer one is under review.
    .addColumn("approved_revision_id", "text")
    .addColumn("service_point_id", "text", (c) => c.references("service_points.id"))
    .execute();

  await withTimestamps(withId(db.schema.createTable("enterprise_revisions")))
    .addColumn("enterprise_id", "text", (c) => c.notNull().references("enterprises.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["draft", "pending_review", "approved", "rejected", "superseded"])),
    )
    .addColumn("basic_info", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("invoicing_info", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("signing_info", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("ocr_comparison", "text")
    .addColumn("created_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "text")
    .addColumn("reviewed_by_staff_id", "text", (c) => c.references("staff.id"))
    .addColumn("reviewed_at", "text")
    .addColumn("review_opinion", "text")
    .addUniqueConstraint("enterprise_revisions_number_uq", ["enterprise_id", "number"])
    .execute();
  // At most one revision being edited or reviewed per enterprise.
  await db.schema
    .createIndex("enterprise_revisions_open_uq")
    .on("enterprise_revisions")
    .column("enterprise_id")
    .unique()
    .where(sql.ref("status"), "in", ["draft", "pending_review", "rejected"])
    .execute();

  await withTimestamps(withId(db.schema.createTable("identities")))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("enterprise_id", "text", (c) => c.references("enterprises.id"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(oneOf("role", ["admin", "project_lead", "authorized_agent", "individual"])),
    )
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["pending", "active", "rejected", "revoked"])),
    )
    .addColumn("decided_by_user_id", "text", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .execute();
  await db.schema
    .createIndex("identities_user_role_uq")
    .on("identities")
    .columns(["user_id", "enterprise_id", "role"])
    .unique()
    .where(sql.ref("status"), "in", ["pending", "active"])
    .execute();
  // 管理员身份唯一: one active administrator per enterprise.
  await db.schema
    .createIndex("identities_one_admin_uq")
    .on("identities")
    .column("enterprise_id")
    .unique()
    .where(sql.ref("role"), "=", "admin")
    .where(sql.ref("status"), "=", "active")
    .execute();
  await db.schema.createIndex("identities_enterprise_idx").on("identities").column("enterprise_id").execute();
}
