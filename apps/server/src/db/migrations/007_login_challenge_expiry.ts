import type { MigrationDb } from "./helpers";

/**
 * Login challenges are stateless until used (features/auth/challenges.service.ts): `login_challenges` now
 * holds used challenges only, and expired ones are purged by expiry, which this index serves.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.createIndex("login_challenges_expires_idx").on("login_challenges").column("expires_at").execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex("login_challenges_expires_idx").execute();
}
