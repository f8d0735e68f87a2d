import type { MigrationDb } from "./helpers";

/**
 * The key update protocol (J6): the nonce the old key's proof binds (fresh at every opening until the CA has
 * issued), and the renewed certificate's chain and validity, kept with the key update so that an issued
 * certificate is delivered again — never issued again — until the key has it and the holder confirms.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable("key_updates")
    .addColumn("nonce", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("key_updates").addColumn("new_chain_pem", "text").execute();
  await db.schema.alterTable("key_updates").addColumn("new_not_after", "text").execute();
  await db.schema
    .createIndex("key_updates_old_certificate_idx")
    .on("key_updates")
    .column("old_certificate_id")
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex("key_updates_old_certificate_idx").execute();
  await db.schema.alterTable("key_updates").dropColumn("new_not_after").execute();
  await db.schema.alterTable("key_updates").dropColumn("new_chain_pem").execute();
  await db.schema.alterTable("key_updates").dropColumn("nonce").execute();
}
