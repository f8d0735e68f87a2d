import type { DbOrTx } from "../../db/database";
import type { FilesTable } from "../../db/schema";

export async function insertFile(db: DbOrTx, row: FilesTable): Promise<void> {
  await db.insertInto("files").values(row).execute();
}

export function findFileById(db: DbOrTx, id: string) {
  return db.selectFrom("files").selectAll().where("id", "=", id).executeTakeFirst();
}
