import type { DbOrTx } from "../../db/database";
import type { LoginChallengesTable } from "../../db/schema";

export async function insertChallenge(db: DbOrTx, row: LoginChallengesTable): Promise<void> {
  await db.insertInto("login_challenges").values(row).execute();
}

export function findChallenge(db: DbOrTx, id: string) {
  return db.selectFrom("login_challenges").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Marks a challenge used; false when it was used already (single use, even under concurrent submits). */
export async function markChallengeUsed(db: DbOrTx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("login_challenges")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
