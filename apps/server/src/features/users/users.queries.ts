import type { DbOrTx } from "../../db/database";
import { prepared } from "../../db/prepared";
import type { UsersTable } from "../../db/schema";

export function findUserByMobile(db: DbOrTx, mobile: string) {
  return db.selectFrom("users").selectAll().where("mobile", "=", mobile).executeTakeFirst();
}

export function findUserByIdNumberHash(db: DbOrTx, idNumberHash: string) {
  return db.selectFrom("users").selectAll().where("id_number_hash", "=", idNumberHash).executeTakeFirst();
}

/** Rows from before migration 013, whose id_number_hash still holds the plain 18-character number. */
export function listPlainIdNumbers(db: DbOrTx) {
  return db
    .selectFrom("users")
    .select(["id", "id_number_hash"])
    .where("id_number_hash", "is not", null)
    .where("id_number_sealed", "is", null)
    .execute();
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
  change: Partial<
    Pick<
      UsersTable,
      | "name"
      | "id_number_hash"
      | "id_number_sealed"
      | "email"
      | "mobile"
      | "id_card_front_file_id"
      | "id_card_back_file_id"
      | "profile_completed_at"
      | "updated_at"
    >
  >,
): Promise<void> {
  await db.updateTable("users").set(change).where("id", "=", id).execute();
}
