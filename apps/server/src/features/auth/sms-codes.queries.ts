import type { DbOrTx } from "../../db/database";
import type { SmsCodesTable } from "../../db/schema";

export async function insertSmsCode(db: DbOrTx, row: Omit<SmsCodesTable, "attempts" | "consumed_at">): Promise<void> {
  await db.insertInto("sms_codes").values(row).execute();
}

export function findLatestOpenCode(db: DbOrTx, mobile: string, purpose: string) {
  return db
    .selectFrom("sms_codes")
    .selectAll()
    .where("mobile", "=", mobile)
    .where("purpose", "=", purpose)
    .where("consumed_at", "is", null)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Counts one try of a code if it has tries left (false when not): check and count in one statement. */
export async function countAttempt(db: DbOrTx, id: string, maxAttempts: number): Promise<boolean> {
  const result = await db
    .updateTable("sms_codes")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("attempts", "<", maxAttempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Consumes a code once: a second consumer (a raced duplicate submit) gets false. */
export async function consumeCode(db: DbOrTx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("sms_codes")
    .set({ consumed_at: now })
    .where("id", "=", id)
    .where("consumed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
