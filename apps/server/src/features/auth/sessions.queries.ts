import type { DbOrTx } from "../../db/database";
import { placeholders, prepared } from "../../db/prepared";
import type { SessionsTable } from "../../db/schema";

const sessionInsert = prepared<SessionsTable>()((db) =>
  db.insertInto("sessions").values(
    placeholders<SessionsTable>({
      id: true,
      subject_kind: true,
      user_id: true,
      staff_id: true,
      current_identity_id: true,
      certificate_id: true,
      created_at: true,
      expires_at: true,
      revoked_at: true,
      ip: true,
      user_agent: true,
    }),
  ),
);

/** Compiled once (db/prepared.ts): every login inserts one. */
export async function insertSession(db: DbOrTx, session: SessionsTable): Promise<void> {
  await sessionInsert.executeAffected(db, session);
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
    .where("sessions.id", "=", tokenHash)
    .where("sessions.revoked_at", "is", null)
    .where("sessions.expires_at", ">", now)
    .executeTakeFirst();
}

export async function revokeSessionByTokenHash(db: DbOrTx, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: now })
    .where("id", "=", tokenHash)
    .where("revoked_at", "is", null)
    .execute();
}

/** The identity a live session speaks in from now on (切换身份). */
export async function setSessionIdentity(db: DbOrTx, sessionId: string, identityId: string): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ current_identity_id: identityId })
    .where("id", "=", sessionId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
