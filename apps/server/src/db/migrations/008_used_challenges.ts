import { sql } from "kysely";
import { isSqlite, type MigrationDb, withId } from "./helpers";

/**
 * A used login challenge is now kept as its expiry and nonce only, keyed by both and, on SQLite, WITHOUT
 * ROWID: one narrow, nearly-appended B-tree. `login_challenges` kept the whole challenge under a random
 * 170-character text id with three indexes; spending one wrote about four extra pages into the WAL and was a
 * third of a CA login's commit.
 *
 * Unique (expires_at, nonce) refuses a replay as surely as a unique nonce: the expiry comes from the
 * challenge id, under the same MAC as the nonce, so one nonce never arrives with two expiries. Expired rows
 * are purged by a range on the key's first column. Used challenges are short-lived: none are carried over.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable("used_challenges")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("used_challenges_pk", ["expires_at", "nonce"])
    .$call((table) => (isSqlite(db) ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await db.schema.dropTable("login_challenges").execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await withId(db.schema.createTable("login_challenges"))
    .addColumn("nonce", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("challenge_text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("login_challenges_expires_idx").on("login_challenges").column("expires_at").execute();
  await db.schema.dropTable("used_challenges").execute();
}
