import type { Insertable } from "kysely";
import type { DbOrTx } from "../../db/database";
import type { EmailMessagesTable } from "../../db/schema";

/** Keeps the first record of a message id: a second send of the same message changes nothing. */
export async function recordEmailMessage(db: DbOrTx, row: Insertable<EmailMessagesTable>): Promise<void> {
  await db
    .insertInto("email_messages")
    .values(row)
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

export function findEmailMessage(db: DbOrTx, id: string) {
  return db.selectFrom("email_messages").selectAll().where("id", "=", id).executeTakeFirst();
}
