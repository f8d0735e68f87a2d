import type { DbOrTx } from "../../db/database";
import type { EnterprisesTable } from "../../db/schema";

export function findEnterpriseByUscc(db: DbOrTx, uscc: string) {
  return db.selectFrom("enterprises").selectAll().where("uscc", "=", uscc).executeTakeFirst();
}

export async function insertEnterprise(db: DbOrTx, row: EnterprisesTable): Promise<void> {
  await db.insertInto("enterprises").values(row).execute();
}

/** An enterprise with the name of its active administrator (null while it has none). */
export function findEnterpriseWithAdminName(db: DbOrTx, id: string) {
  return db
    .selectFrom("enterprises")
    .leftJoin("identities", (join) =>
      join
        .onRef("identities.enterprise_id", "=", "enterprises.id")
        .on("identities.role", "=", "admin")
        .on("identities.status", "=", "active"),
    )
    .leftJoin("users", "users.id", "identities.user_id")
    .select(["enterprises.id", "enterprises.name", "enterprises.uscc", "users.name as admin_name"])
    .where("enterprises.id", "=", id)
    .executeTakeFirst();
}
