import type { DbOrTx } from "../../db/database";
import { placeholders, prepared } from "../../db/prepared";
import type { LoginChallengesTable } from "../../db/schema";

/**
 * Records a challenge as used; false when it was used already. The nonce (and the id) are unique, and the
 * insert does nothing on a conflict, so of any number of concurrent submits — in any number of server
 * processes on one database — exactly one gets true.
 */
export async function insertUsedChallenge(db: DbOrTx, row: LoginChallengesTable): Promise<boolean> {
  return (await usedChallengeInsert.executeAffected(db, row)) === 1;
}

const usedChallengeInsert = prepared<LoginChallengesTable>()((db) =>
  db
    .insertInto("login_challenges")
    .values(
      placeholders<LoginChallengesTable>({
        id: true,
        nonce: true,
        purpose: true,
        origin: true,
        challenge_text: true,
        created_at: true,
        expires_at: true,
        used_at: true,
      }),
    )
    .onConflict((oc) => oc.doNothing()),
);

/** Deletes the records of challenges expired before `before`; returns how many. */
export async function deleteExpiredChallenges(db: DbOrTx, before: string): Promise<number> {
  const result = await db.deleteFrom("login_challenges").where("expires_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
