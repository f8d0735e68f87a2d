import type { DbOrTx } from "../../db/database";
import { prepared } from "../../db/prepared";
import type { IdentitiesTable } from "../../db/schema";

const activeAdmin = prepared<{ enterpriseId: string }>()((db, p) =>
  db
    .selectFrom("identities")
    .selectAll()
    .where("enterprise_id", "=", p.enterpriseId)
    .where("role", "=", "admin")
    .where("status", "=", "active"),
);

/** Compiled once (db/prepared.ts): read at every login with an enterprise's main key. */
export function findActiveAdmin(db: DbOrTx, enterpriseId: string) {
  return activeAdmin.executeTakeFirst(db, { enterpriseId });
}

export function findOpenIdentity(
  db: DbOrTx,
  userId: string,
  enterpriseId: string | null,
  role: IdentitiesTable["role"],
) {
  let query = db
    .selectFrom("identities")
    .selectAll()
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .where("status", "in", ["pending", "active"]);
  query = enterpriseId ? query.where("enterprise_id", "=", enterpriseId) : query.where("enterprise_id", "is", null);
  return query.executeTakeFirst();
}

export async function insertIdentity(db: DbOrTx, row: IdentitiesTable): Promise<void> {
  await db.insertInto("identities").values(row).execute();
}

const identitiesOfUser = prepared<{ userId: string }>()((db, p) =>
  db
    .selectFrom("identities")
    .leftJoin("enterprises", "enterprises.id", "identities.enterprise_id")
    .select([
      "identities.id",
      "identities.role",
      "identities.status",
      "identities.enterprise_id",
      "enterprises.name as enterprise_name",
      "identities.created_at",
    ])
    .where("identities.user_id", "=", p.userId)
    .where("identities.status", "in", ["pending", "active"])
    .orderBy("identities.created_at"),
);

/** Compiled once (db/prepared.ts): read on every login and identity switch. */
export function listIdentitiesOfUser(db: DbOrTx, userId: string) {
  return identitiesOfUser.execute(db, { userId });
}
