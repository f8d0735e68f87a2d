import type { Insertable, Selectable } from "kysely";
import type { DbOrTx } from "../../db/database";
import type { KeyUpdatesTable } from "../../db/schema";

export type KeyUpdateRow = Selectable<KeyUpdatesTable>;

export function findKeyUpdate(db: DbOrTx, id: string) {
  return db.selectFrom("key_updates").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * The key update under its row lock until the transaction ends (a no-op write: PostgreSQL's row lock; on
 * SQLite the writer's lock from the first statement on), read after any earlier holder committed.
 */
export function lockKeyUpdate(db: DbOrTx, id: string, now: string) {
  return db.updateTable("key_updates").set({ updated_at: now }).where("id", "=", id).returningAll().executeTakeFirst();
}

/** The same, found by its renewal item (one key update per item). */
export function lockKeyUpdateOfItem(db: DbOrTx, renewalItemId: string, now: string) {
  return db
    .updateTable("key_updates")
    .set({ updated_at: now })
    .where("renewal_item_id", "=", renewalItemId)
    .returningAll()
    .executeTakeFirst();
}

export async function insertKeyUpdate(db: DbOrTx, row: Insertable<KeyUpdatesTable>): Promise<void> {
  await db.insertInto("key_updates").values(row).execute();
}

/** A fresh nonce while the CA has not issued (the status does not change). */
export async function setNonce(db: DbOrTx, id: string, nonce: string, now: string): Promise<void> {
  await db.updateTable("key_updates").set({ nonce, updated_at: now }).where("id", "=", id).execute();
}
