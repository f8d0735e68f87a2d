import type { DbOrTx } from "../../db/database";
import { placeholders, prepared } from "../../db/prepared";
import type { UsedChallengesTable } from "../../db/schema";

/**
 * Records a challenge as used; false when it was used already. (expires_at, nonce) is the key and the insert
 * does nothing on a conflict, so of any number of concurrent submits — in any number of server processes on
 * one database — exactly one gets true.
 */
export async function insertUsedChallenge(db: DbOrTx, row: UsedChallengesTable): Promise<boolean> {
  return (await usedChallengeInsert.executeAffected(db, row)) === 1;
}

const usedChallengeInsert = prepared<UsedChallengesTable>()((db) =>
  db
    .insertInto("used_challenges")
    .values(placeholders<UsedChallengesTable>({ expires_at: true, nonce: true }))
    .onConflict((oc) => oc.doNothing()),
);

/** Deletes the records of challenges expired before `before`; returns how many. */
export async function deleteExpiredChallenges(db: DbOrTx, before: string): Promise<number> {
  const result = await db.deleteFrom("used_challenges").where("expires_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
