import { type MigrationDb, oneOf, withId, withTimestamps } from "./helpers";

/** People, operator staff, sessions, SMS codes, login challenges, binding tickets, rate-limit hits. */
export async function up(db: MigrationDb): Promise<void> {
  await withTimestamps(withId(db.schema.createTable("users")))
    .addColumn("mobile", "text", (c) => c.notNull().unique())
    .addColumn("name", "text")
    .addColumn("id_number", "text", (c) => c.unique())
    .addColumn("email", "text")
    .addColumn("password_hash", "text")
    .addColumn("id_card_front_file_id", "text")
    .addColumn("id_card_back_file_id", "text")
    .addColumn("profile_completed_at", "text")
    .execute();

  await withTimestamps(withId(db.schema.createTable("staff")))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(oneOf("role", ["reviewer", "operator"])))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // The cookie holds a random token; only its SHA-256 is stored, so a leaked table opens no session.
  await withId(db.schema.createTable("sessions"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("subject_kind", "text", (c) => c.notNull().check(oneOf("subject_kind", ["user", "staff"])))
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .addColumn("staff_id", "text", (c) => c.references("staff.id"))
    .addColumn("current_identity_id", "text")
    .addColumn("certificate_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await withId(db.schema.createTable("sms_codes"))
    .addColumn("mobile", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("ip", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("consumed_at", "text")
    .execute();
  await db.schema.createIndex("sms_codes_mobile_idx").on("sms_codes").columns(["mobile", "created_at"]).execute();
  await db.schema.createIndex("sms_codes_ip_idx").on("sms_codes").columns(["ip", "created_at"]).execute();

  await withId(db.schema.createTable("login_challenges"))
    .addColumn("nonce", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("challenge_text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await withId(db.schema.createTable("binding_tickets"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("certificate_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  // One row per counted event (an SMS sent, a login attempt); windows are counted with created_at ranges.
  await withId(db.schema.createTable("rate_limit_hits"))
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rate_limit_hits_idx")
    .on("rate_limit_hits")
    .columns(["bucket", "subject", "created_at"])
    .execute();
}
