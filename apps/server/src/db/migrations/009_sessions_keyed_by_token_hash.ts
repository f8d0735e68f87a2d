import { sql } from "kysely";
import { type MigrationDb, oneOf } from "./helpers";

/**
 * A session's id is now the SHA-256 of its cookie's token (the table still never holds a token), instead of a
 * random UUID beside a unique token hash: opening a session — every login — wrote four B-trees (rows, id,
 * token hash, user), now three. (WITHOUT ROWID, two B-trees, measured slower: whole rows inserted at random
 * places split pages far more often than an append to the rowid table.) Sessions are kept: each takes its
 * token hash as its id. Rebuilt rather than altered: SQLite cannot drop a UNIQUE column.
 */
export async function up(db: MigrationDb): Promise<void> {
  await createSessionsTable(db, "sessions_next", "without_token_hash");
  await sql`insert into sessions_next (id, subject_kind, user_id, staff_id, current_identity_id, certificate_id,
    created_at, expires_at, revoked_at, ip, user_agent)
    select token_hash, subject_kind, user_id, staff_id, current_identity_id, certificate_id,
    created_at, expires_at, revoked_at, ip, user_agent from sessions`.execute(db);
  await db.schema.dropTable("sessions").execute();
  await db.schema.alterTable("sessions_next").renameTo("sessions").execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await createSessionsTable(db, "sessions_previous", "with_token_hash");
  await sql`insert into sessions_previous (id, token_hash, subject_kind, user_id, staff_id, current_identity_id,
    certificate_id, created_at, expires_at, revoked_at, ip, user_agent)
    select id, id, subject_kind, user_id, staff_id, current_identity_id, certificate_id,
    created_at, expires_at, revoked_at, ip, user_agent from sessions`.execute(db);
  await db.schema.dropTable("sessions").execute();
  await db.schema.alterTable("sessions_previous").renameTo("sessions").execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
}

async function createSessionsTable(
  db: MigrationDb,
  name: string,
  shape: "without_token_hash" | "with_token_hash",
): Promise<void> {
  let table = db.schema.createTable(name).addColumn("id", "text", (c) => c.primaryKey());
  if (shape === "with_token_hash") table = table.addColumn("token_hash", "text", (c) => c.notNull().unique());
  await table
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
}
