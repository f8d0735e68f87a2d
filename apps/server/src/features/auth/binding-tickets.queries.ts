import type { DbOrTx } from "../../db/database";
import type { BindingTicketsTable } from "../../db/schema";

export async function insertBindingTicket(db: DbOrTx, row: BindingTicketsTable): Promise<void> {
  await db.insertInto("binding_tickets").values(row).execute();
}

export function findBindingTicket(db: DbOrTx, tokenHash: string) {
  return db.selectFrom("binding_tickets").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function useBindingTicket(db: DbOrTx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("binding_tickets")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
