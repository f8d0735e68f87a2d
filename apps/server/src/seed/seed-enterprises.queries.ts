import type { DbOrTx } from "../db/database";

export function findStaffIdByUsername(db: DbOrTx, username: string) {
  return db.selectFrom("staff").select("id").where("username", "=", username).executeTakeFirstOrThrow();
}

/** The active administrator identity of an enterprise (the demo's was bound with its main key). */
export function findAdminIdentity(db: DbOrTx, enterpriseId: string) {
  return db
    .selectFrom("identities")
    .select(["id", "user_id"])
    .where("enterprise_id", "=", enterpriseId)
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
}
