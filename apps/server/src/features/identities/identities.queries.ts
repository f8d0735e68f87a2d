import type { DbOrTx, Tx } from "../../db/database";
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

/** An identity with what its decisions need: its person's mobile and its enterprise's name. */
export function findIdentityForDecision(db: DbOrTx, identityId: string) {
  return db
    .selectFrom("identities")
    .innerJoin("users", "users.id", "identities.user_id")
    .leftJoin("enterprises", "enterprises.id", "identities.enterprise_id")
    .select([
      "identities.id",
      "identities.user_id",
      "identities.enterprise_id",
      "identities.role",
      "identities.status",
      "users.mobile",
      "enterprises.name as enterprise_name",
    ])
    .where("identities.id", "=", identityId)
    .executeTakeFirst();
}

/**
 * Decisions on one enterprise's administrator go one after another: a no-op UPDATE of its row, the first
 * statement of the transaction, holds the row on PostgreSQL (SQLite runs one writer at a time anyway).
 */
export async function lockEnterpriseForAdminDecision(trx: Tx, enterpriseId: string): Promise<void> {
  await trx
    .updateTable("enterprises")
    .set((eb) => ({ updated_at: eb.ref("updated_at") }))
    .where("id", "=", enterpriseId)
    .execute();
}

/** The administrator applications of an enterprise still waiting, with the applicants' mobiles. */
export function listPendingAdminApplications(db: DbOrTx, enterpriseId: string) {
  return db
    .selectFrom("identities")
    .innerJoin("users", "users.id", "identities.user_id")
    .select(["identities.id", "identities.user_id", "users.mobile"])
    .where("identities.enterprise_id", "=", enterpriseId)
    .where("identities.role", "=", "admin")
    .where("identities.status", "=", "pending")
    .execute();
}

/** 人员管理: one page of the people holding a pending or active identity in the enterprise, earliest first. */
export async function pageEnterprisePeople(db: DbOrTx, enterpriseId: string, page: number, pageSize: number) {
  const open = (qb: typeof db) =>
    qb
      .selectFrom("identities")
      .where("identities.enterprise_id", "=", enterpriseId)
      .where("identities.status", "in", ["pending", "active"]);
  const [people, total] = await Promise.all([
    open(db)
      .innerJoin("users", "users.id", "identities.user_id")
      .select((eb) => ["users.id", "users.name", "users.mobile", eb.fn.min("identities.created_at").as("since")])
      .groupBy(["users.id", "users.name", "users.mobile"])
      .orderBy("since")
      .orderBy("users.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    open(db)
      .select((eb) => eb.fn.count<number>("identities.user_id").distinct().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { people, total: Number(total.n) };
}

export function listOpenIdentitiesInEnterprise(db: DbOrTx, enterpriseId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("identities")
    .select(["id", "user_id", "role", "status", "created_at"])
    .where("enterprise_id", "=", enterpriseId)
    .where("user_id", "in", userIds)
    .where("status", "in", ["pending", "active"])
    .orderBy("created_at")
    .execute();
}

/** The certificates naming the enterprise on keys these people hold (a person's other keys are their own). */
export function listEnterpriseCertificatesOfUsers(db: DbOrTx, enterpriseId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("certificates")
    .innerJoin("tokens", "tokens.id", "certificates.token_id")
    .select([
      "certificates.id",
      "tokens.bound_user_id as user_id",
      "tokens.label as token_label",
      "certificates.serial_number",
      "certificates.holder_name",
      "certificates.category_code",
      "certificates.not_after",
      "certificates.status",
    ])
    .where("certificates.enterprise_id", "=", enterpriseId)
    .where("tokens.bound_user_id", "in", userIds)
    .where("certificates.status", "!=", "superseded")
    .orderBy("certificates.created_at")
    .execute();
}

/** The operator's queue: administrator applications waiting, oldest first. */
export async function pagePendingAdminApplications(db: DbOrTx, page: number, pageSize: number) {
  const pending = (qb: typeof db) =>
    qb.selectFrom("identities").where("identities.role", "=", "admin").where("identities.status", "=", "pending");
  const [items, total] = await Promise.all([
    pending(db)
      .innerJoin("users", "users.id", "identities.user_id")
      .innerJoin("enterprises", "enterprises.id", "identities.enterprise_id")
      .select([
        "identities.id",
        "identities.enterprise_id",
        "identities.created_at",
        "enterprises.name as enterprise_name",
        "enterprises.uscc",
        "users.name as applicant_name",
        "users.mobile",
      ])
      .orderBy("identities.created_at")
      .orderBy("identities.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    pending(db)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
