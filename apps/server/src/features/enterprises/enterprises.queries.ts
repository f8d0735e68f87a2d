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

/** The 开票信息 step (JSON text) of the enterprise's revision in force, if one is approved. */
export function findApprovedInvoicingInfo(db: DbOrTx, enterpriseId: string) {
  return db
    .selectFrom("enterprises")
    .innerJoin("enterprise_revisions", "enterprise_revisions.id", "enterprises.approved_revision_id")
    .select("enterprise_revisions.invoicing_info")
    .where("enterprises.id", "=", enterpriseId)
    .executeTakeFirst();
}
