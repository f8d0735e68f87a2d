import type { DbOrTx, Tx } from "../db/database";

/**
 * Writes the subject's row (creating it the first time) and returns its back-off state. The write locks the
 * row until the transaction ends — a waiting upsert on PostgreSQL returns the row as the other transaction
 * committed it, and SQLite takes its one writer lock here — so what the caller reads next is up to date and
 * no other check of this subject runs before the caller commits.
 */
export function lockRateLimitSubject(trx: Tx, bucket: string, subject: string, now: string) {
  return trx
    .insertInto("rate_limit_subjects")
    .values({ bucket, subject, updated_at: now })
    .onConflict((oc) => oc.columns(["bucket", "subject"]).doUpdateSet({ updated_at: now }))
    .returning(["failures", "blocked_until"])
    .executeTakeFirstOrThrow();
}

export function findHitTimes(db: DbOrTx, bucket: string, subject: string, since: string) {
  return db
    .selectFrom("rate_limit_hits")
    .select("created_at")
    .where("bucket", "=", bucket)
    .where("subject", "=", subject)
    .where("created_at", ">", since)
    .execute();
}

export async function insertHit(
  db: DbOrTx,
  row: { id: string; bucket: string; subject: string; created_at: string },
): Promise<void> {
  await db.insertInto("rate_limit_hits").values(row).execute();
}

export async function updateBackoff(
  db: DbOrTx,
  key: { bucket: string; subject: string },
  state: { failures: number; blocked_until: string | null; updated_at: string },
): Promise<void> {
  await db
    .updateTable("rate_limit_subjects")
    .set(state)
    .where("bucket", "=", key.bucket)
    .where("subject", "=", key.subject)
    .execute();
}

/** Hits older than `before`, and subjects untouched since `before` that no back-off still holds. */
export async function deleteStaleRateLimits(db: DbOrTx, before: string, now: string): Promise<void> {
  await db.deleteFrom("rate_limit_hits").where("created_at", "<", before).execute();
  await db
    .deleteFrom("rate_limit_subjects")
    .where("updated_at", "<", before)
    .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<", now)]))
    .execute();
}
