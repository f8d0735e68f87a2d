import type { DbOrTx } from "../../db/database";
import type { EnterprisesTable } from "../../db/schema";

export function findEnterpriseByUscc(db: DbOrTx, uscc: string) {
  return db.selectFrom("enterprises").selectAll().where("uscc", "=", uscc).executeTakeFirst();
}

export async function insertEnterprise(db: DbOrTx, row: EnterprisesTable): Promise<void> {
  await db.insertInto("enterprises").values(row).execute();
}
