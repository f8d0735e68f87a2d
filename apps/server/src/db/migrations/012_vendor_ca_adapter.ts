import { type MigrationDb, oneOf } from "./helpers";

/**
 * Which CA adapter serves a vendor's renewals. Every vendor so far is served by the built-in CA (it stands in
 * for the vendor CAs in the demo); EST (RFC 7030) arrives with its own issue. The kinds are spelled here as
 * they were on the day, not imported, so the migration never changes after it ran.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable("vendors")
    .addColumn("adapter", "text", (c) =>
      c
        .notNull()
        .defaultTo("builtin")
        .check(oneOf("adapter", ["builtin", "est"])),
    )
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("vendors").dropColumn("adapter").execute();
}
