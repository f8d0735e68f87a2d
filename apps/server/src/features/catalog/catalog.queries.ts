import type { Insertable, Selectable } from "kysely";
import type { DbOrTx } from "../../db/database";
import type {
  CertificateCategoriesTable,
  PlatformInteropColumns,
  PlatformsTable,
  ServicePointsTable,
  VendorsTable,
} from "../../db/schema";

export function listActivePlatforms(db: DbOrTx) {
  return db
    .selectFrom("platforms")
    .select(["id", "code", "name", "fee_fen"])
    .where("active", "=", 1)
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
}

export function listCategories(db: DbOrTx) {
  return db
    .selectFrom("certificate_categories")
    .select(["code", "name", "base_fee_fen", "holder_kind"])
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
}

export function listVendors(db: DbOrTx) {
  return db.selectFrom("vendors").select(["id", "code", "name"]).orderBy("code").execute();
}

export function listServicePoints(db: DbOrTx) {
  return db.selectFrom("service_points").select(["code", "name", "city"]).orderBy("code").execute();
}

export async function insertCategory(
  db: DbOrTx,
  row: Omit<CertificateCategoriesTable, "sort_order"> & { sort_order: number },
) {
  await db.insertInto("certificate_categories").values(row).execute();
}

export async function insertPlatform(
  db: DbOrTx,
  row: Omit<PlatformsTable, "active" | "sort_order" | keyof PlatformInteropColumns> & { sort_order: number },
) {
  await db.insertInto("platforms").values(row).execute();
}

export async function insertVendor(db: DbOrTx, row: Insertable<VendorsTable>) {
  await db.insertInto("vendors").values(row).execute();
}

export async function insertServicePoint(db: DbOrTx, row: ServicePointsTable) {
  await db.insertInto("service_points").values(row).execute();
}

export function findVendorByCode(db: DbOrTx, code: string) {
  return db.selectFrom("vendors").selectAll().where("code", "=", code).executeTakeFirst();
}

export function findVendorById(db: DbOrTx, id: string) {
  return db.selectFrom("vendors").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listVendorSettings(db: DbOrTx) {
  return db.selectFrom("vendors").select(["code", "name", "adapter", "est_url"]).orderBy("code").execute();
}

export async function updateVendorSettings(
  db: DbOrTx,
  id: string,
  set: Pick<VendorsTable, "name" | "est_url" | "updated_at"> & { adapter: Selectable<VendorsTable>["adapter"] },
) {
  await db.updateTable("vendors").set(set).where("id", "=", id).execute();
}
