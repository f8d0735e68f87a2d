import type { MigrationDb } from "./helpers";

/**
 * Personal information at rest (shared/personal-data.ts): a resident ID number is kept sealed, and found and
 * kept unique by a keyed hash, so `users.id_number` becomes that hash (its unique constraint stays) beside the
 * sealed number. ID-card scans are stored sealed; `files.sealed` says which objects must be opened first.
 * Rows written before this migration held the plain number: the server seals them at start
 * (users/accounts.service.ts, sealPlainIdNumbers), since only it holds the key.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("users").renameColumn("id_number", "id_number_hash").execute();
  await db.schema.alterTable("users").addColumn("id_number_sealed", "text").execute();
  await db.schema
    .alterTable("files")
    .addColumn("sealed", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("files").dropColumn("sealed").execute();
  await db.schema.alterTable("users").dropColumn("id_number_sealed").execute();
  await db.schema.alterTable("users").renameColumn("id_number_hash", "id_number").execute();
}
