import type { DbOrTx } from "../../db/database";
import type { SmsMessagesTable } from "../../db/schema";

export async function insertSmsMessage(db: DbOrTx, row: SmsMessagesTable): Promise<void> {
  await db.insertInto("sms_messages").values(row).execute();
}

export function findSmsMessage(db: DbOrTx, id: string) {
  return db.selectFrom("sms_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function pageSmsMessages(db: DbOrTx, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom("sms_messages")
      .selectAll()
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom("sms_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
