import type { DbOrTx } from "../../db/database";
import { prepared } from "../../db/prepared";
import type { UsersTable } from "../../db/schema";

export function findUserByMobile(db: DbOrTx, mobile: string) {
  return db.selectFrom("users").selectAll().where("mobile", "=", mobile).executeTakeFirst();
}

export function findUserByIdNumber(db: DbOrTx, idNumber: string) {
  return db.selectFrom("users").selectAll().where("id_number", "=", idNumber).executeTakeFirst();
}

const userById = prepared<{ id: string }>()((db, p) => db.selectFrom("users").selectAll().where("id", "=", p.id));

/** Compiled once (db/prepared.ts): read on every login and many requests. */
export function findUserById(db: DbOrTx, id: string) {
  return userById.executeTakeFirst(db, { id });
}

export async function insertUser(db: DbOrTx, row: UsersTable): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  change: Partial<Pick<UsersTable, "name" | "id_number" | "updated_at">>,
): Promise<void> {
  await db.updateTable("users").set(change).where("id", "=", id).execute();
}
