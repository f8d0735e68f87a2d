import type { DbOrTx } from "../db/database";

/** The demo keys' tokens (by the label the seed gave them) and the mobile of whoever each is bound to. */
export function listDemoTokenBindings(db: DbOrTx, labels: string[]) {
  return db
    .selectFrom("tokens")
    .leftJoin("users", "users.id", "tokens.bound_user_id")
    .select(["tokens.label", "users.mobile"])
    .where("tokens.label", "in", labels)
    .execute();
}
