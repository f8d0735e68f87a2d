import type { DbOrTx } from "../../db/database";
import type { EnterprisesTable } from "../../db/schema";

export function findEnterpriseByUscc(db: DbOrTx, uscc: string) {
  return db.selectFrom("enterprises").selectAll().where("uscc", "=", uscc).executeTakeFirst();
}

export async function insertEnterprise(db: DbOrTx, row: EnterprisesTable): Promise<void> {
  await db.insertInto("enterprises").values(row).execute();
}

export function findEnterprisesByUscc(db: DbOrTx, usccs: string[]) {
  if (usccs.length === 0) return Promise.resolve([]);
  return db.selectFrom("enterprises").select(["id", "uscc"]).where("uscc", "in", usccs).execute();
}

export async function insertEnterprises(db: DbOrTx, rows: EnterprisesTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("enterprises").values(rows).execute();
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
