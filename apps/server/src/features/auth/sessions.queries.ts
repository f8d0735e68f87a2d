import type { DbOrTx } from "../../db/database";
import type { SessionsTable } from "../../db/schema";

export async function insertSession(db: DbOrTx, session: SessionsTable): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

export function findLiveSessionByTokenHash(db: DbOrTx, tokenHash: string, now: string) {
  return db
    .selectFrom("sessions")
    .leftJoin("identities", "identities.id", "sessions.current_identity_id")
    .leftJoin("staff", "staff.id", "sessions.staff_id")
    .select([
      "sessions.id",
      "sessions.subject_kind",
      "sessions.user_id",
      "sessions.staff_id",
      "sessions.current_identity_id",
      "identities.role as identity_role",
      "identities.enterprise_id as identity_enterprise_id",
      "identities.status as identity_status",
      "staff.role as staff_role",
      "staff.disabled as staff_disabled",
    ])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.revoked_at", "is", null)
    .where("sessions.expires_at", ">", now)
    .executeTakeFirst();
}

export async function revokeSessionByTokenHash(db: DbOrTx, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .execute();
}
