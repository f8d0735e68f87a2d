import type { Insertable } from "kysely";
import type { DbOrTx } from "../../db/database";
import type { EmailMessagesTable } from "../../db/schema";

export async function insertEmailMessage(db: DbOrTx, row: Insertable<EmailMessagesTable>): Promise<void> {
  await db.insertInto("email_messages").values(row).execute();
}

export function findEmailMessage(db: DbOrTx, id: string) {
  return db.selectFrom("email_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function pageEmailMessages(db: DbOrTx, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom("email_messages")
      .selectAll()
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom("email_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The name and size of attached files, for the outbox list. */
export function findAttachedFiles(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("files").select(["id", "original_name", "size_bytes"]).where("id", "in", ids).execute();
}
