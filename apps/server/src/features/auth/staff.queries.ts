import type { DbOrTx } from "../../db/database";
import type { StaffTable } from "../../db/schema";

export function findStaffByUsername(db: DbOrTx, username: string) {
  return db.selectFrom("staff").selectAll().where("username", "=", username).executeTakeFirst();
}

export function findStaffById(db: DbOrTx, id: string) {
  return db.selectFrom("staff").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertStaff(db: DbOrTx, row: Omit<StaffTable, "disabled">): Promise<void> {
  await db.insertInto("staff").values(row).execute();
}
