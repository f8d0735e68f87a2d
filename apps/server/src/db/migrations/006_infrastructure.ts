import { type MigrationDb, nonNegative, oneOf, withId, withTimestamps } from "./helpers";

/** Files, SMS and e-mail outboxes, the job outbox and the audit log. */
export async function up(db: MigrationDb): Promise<void> {
  // Content-addressed: the storage key is the SHA-256; rows record who uploaded what, never a public path.
  await withId(db.schema.createTable("files"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull().check(nonNegative("size_bytes")))
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("original_name", "text")
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("uploaded_by_user_id", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("files_sha256_idx").on("files").column("sha256").execute();

  await withTimestamps(withId(db.schema.createTable("sms_messages")))
    .addColumn("mobile", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["pending", "sent", "failed"])))
    .addColumn("provider_message_id", "text")
    .addColumn("error", "text")
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("sms_messages_created_idx").on("sms_messages").column("created_at").execute();

  await withTimestamps(withId(db.schema.createTable("email_messages")))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("attachment_file_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["pending", "sent", "failed"])))
    .addColumn("error", "text")
    .addColumn("sent_at", "text")
    .execute();

  // Side effects run after commit from here; workers claim rows (FOR UPDATE SKIP LOCKED on PostgreSQL).
  await withTimestamps(withId(db.schema.createTable("outbox_jobs")))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["pending", "running", "done", "dead"])))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull().defaultTo(10))
    .addColumn("run_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("locked_by", "text")
    .addColumn("last_error", "text")
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .execute();
  await db.schema.createIndex("outbox_jobs_due_idx").on("outbox_jobs").columns(["status", "run_at"]).execute();

  await withId(db.schema.createTable("audit_log"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) =>
      c.notNull().check(oneOf("actor_kind", ["user", "staff", "system", "platform", "anonymous"])),
    )
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_kind", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity_kind", "entity_id"]).execute();
}
