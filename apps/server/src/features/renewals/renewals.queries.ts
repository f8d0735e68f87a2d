import { type Selectable, sql } from "kysely";
import type { DbOrTx } from "../../db/database";
import { containing } from "../../db/like";
import type { RenewalItemPlatformsTable, RenewalItemsTable, RenewalOrdersTable } from "../../db/schema";
import type { RenewalItemStatus, RenewalOrderStatus } from "./renewals.schema";

/** An order as read from the database. */
export type OrderRow = Selectable<RenewalOrdersTable>;

/** An item in one of these holds its certificate: the certificate is in at most one open order. */
export const OPEN_ITEM_STATES: RenewalItemStatus[] = ["awaiting_payment", "awaiting_update", "updating"];

/** Whose certificates a renewal may cover: the enterprise's (administrator) or a holder's own in it. */
export interface RenewalScope {
  enterpriseId: string;
  holderUserId?: string;
}

/** Large IN lists are cut so no statement passes SQLite's or PostgreSQL's parameter limits. */
const IN_LIST = 1000;

function slices<T>(values: readonly T[], size = IN_LIST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

function renewableCertificates(db: DbOrTx, scope: RenewalScope) {
  let query = db
    .selectFrom("certificates as c")
    .innerJoin("certificate_categories as cat", "cat.code", "c.category_code")
    .leftJoin("vendors as v", "v.id", "c.vendor_id")
    .innerJoin("tokens as t", "t.id", "c.token_id")
    .select([
      "c.id",
      "c.holder_name",
      "c.category_code",
      "cat.name as category_name",
      "cat.base_fee_fen",
      "v.name as vendor_name",
      "c.not_after",
      "t.bound_user_id",
    ])
    .where("c.enterprise_id", "=", scope.enterpriseId)
    .where("c.status", "=", "active");
  if (scope.holderUserId) query = query.where("t.bound_user_id", "=", scope.holderUserId);
  return query;
}

export type RenewableRow = Awaited<ReturnType<typeof listRenewableCertificates>>[number];

export function listRenewableCertificates(db: DbOrTx, scope: RenewalScope) {
  return renewableCertificates(db, scope).orderBy("c.not_after").orderBy("c.holder_name").orderBy("c.id").execute();
}

export async function findRenewableCertificates(db: DbOrTx, scope: RenewalScope, ids: readonly string[]) {
  const rows: RenewableRow[] = [];
  for (const part of slices(ids))
    rows.push(...(await renewableCertificates(db, scope).where("c.id", "in", part).execute()));
  return rows;
}

/** The platform codes each certificate is associated with now. */
export async function listAssociatedPlatformCodes(db: DbOrTx, certificateIds: readonly string[]) {
  const rows: { certificate_id: string; code: string }[] = [];
  for (const part of slices(certificateIds)) {
    rows.push(
      ...(await db
        .selectFrom("associations as a")
        .innerJoin("platforms as p", "p.id", "a.platform_id")
        .select(["a.certificate_id", "p.code"])
        .where("a.certificate_id", "in", part)
        .where("a.status", "=", "active")
        .orderBy("p.sort_order")
        .orderBy("p.code")
        .execute()),
    );
  }
  return rows;
}

/** The open orders holding these certificates (at most one each). */
export async function listOpenOrdersOf(db: DbOrTx, certificateIds: readonly string[]) {
  const rows: { certificate_id: string; order_id: string; order_no: string }[] = [];
  for (const part of slices(certificateIds)) {
    rows.push(
      ...(await db
        .selectFrom("renewal_items as i")
        .innerJoin("renewal_orders as o", "o.id", "i.order_id")
        .select(["i.certificate_id", "o.id as order_id", "o.order_no"])
        .where("i.certificate_id", "in", part)
        .where("i.status", "in", OPEN_ITEM_STATES)
        .execute()),
    );
  }
  return rows;
}

export function findProfileCompletion(db: DbOrTx, userId: string) {
  return db.selectFrom("users").select(["profile_completed_at"]).where("id", "=", userId).executeTakeFirst();
}

export function findEnterpriseApproval(db: DbOrTx, enterpriseId: string) {
  return db
    .selectFrom("enterprises")
    .select(["id", "name", "approved_revision_id"])
    .where("id", "=", enterpriseId)
    .executeTakeFirst();
}

/** Takes the next order number of a day: one statement, so concurrent processes never share a number. */
export async function takeOrderNumber(db: DbOrTx, day: string): Promise<number> {
  const row = await db
    .insertInto("order_number_days")
    .values({ day, last_number: 1 })
    .onConflict((oc) => oc.column("day").doUpdateSet({ last_number: sql`order_number_days.last_number + 1` }))
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function insertOrder(
  db: DbOrTx,
  order: Omit<RenewalOrdersTable, "wants_invoice">,
  items: RenewalItemsTable[],
  platforms: RenewalItemPlatformsTable[],
): Promise<void> {
  await db.insertInto("renewal_orders").values(order).execute();
  for (const part of slices(items, 500)) await db.insertInto("renewal_items").values(part).execute();
  for (const part of slices(platforms, 2000)) await db.insertInto("renewal_item_platforms").values(part).execute();
}

export function findOrderByIdempotencyKey(db: DbOrTx, key: string) {
  return db.selectFrom("renewal_orders").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

export function findOrder(db: DbOrTx, id: string) {
  return db.selectFrom("renewal_orders").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findOrderByNo(db: DbOrTx, orderNo: string) {
  return db.selectFrom("renewal_orders").selectAll().where("order_no", "=", orderNo).executeTakeFirst();
}

/** The order's row, locked until the transaction ends on PostgreSQL (SQLite runs one writer at a time). */
export function lockOrder(db: DbOrTx, id: string, kind: "sqlite" | "postgres") {
  const query = db.selectFrom("renewal_orders").selectAll().where("id", "=", id);
  return (kind === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

export function listItemsOfOrder(db: DbOrTx, orderId: string) {
  return db
    .selectFrom("renewal_items as i")
    .innerJoin("certificates as c", "c.id", "i.certificate_id")
    .leftJoin("certificate_categories as cat", "cat.code", "i.category_code")
    .leftJoin("vendors as v", "v.id", "c.vendor_id")
    .select([
      "i.id",
      "i.certificate_id",
      "i.status",
      "i.price_fen",
      "i.base_fee_fen",
      "i.category_code",
      "i.previous_platform_codes",
      "i.holder_user_id",
      "i.refund_id",
      "c.holder_name",
      "c.not_after",
      "cat.name as category_name",
      "v.name as vendor_name",
    ])
    .where("i.order_id", "=", orderId)
    .orderBy("i.created_at")
    .orderBy("i.id")
    .execute();
}

export type OrderItemRow = Awaited<ReturnType<typeof listItemsOfOrder>>[number];

export async function listItemPlatforms(db: DbOrTx, itemIds: readonly string[]) {
  const rows: { item_id: string; code: string; name: string; fee_fen: number }[] = [];
  for (const part of slices(itemIds)) {
    rows.push(
      ...(await db
        .selectFrom("renewal_item_platforms as ip")
        .innerJoin("platforms as p", "p.id", "ip.platform_id")
        .select(["ip.item_id", "p.code", "p.name", "ip.fee_fen"])
        .where("ip.item_id", "in", part)
        .orderBy("p.sort_order")
        .orderBy("p.code")
        .execute()),
    );
  }
  return rows;
}

export function listPaymentsOfOrder(db: DbOrTx, orderId: string) {
  return db
    .selectFrom("payments")
    .select(["id", "out_trade_no", "channel", "amount_fen", "status", "created_at", "paid_at"])
    .where("order_id", "=", orderId)
    .orderBy("created_at")
    .execute();
}

export function findOrderParties(db: DbOrTx, order: { enterprise_id: string | null; created_by_user_id: string }) {
  return Promise.all([
    order.enterprise_id
      ? db.selectFrom("enterprises").select("name").where("id", "=", order.enterprise_id).executeTakeFirst()
      : Promise.resolve(undefined),
    db.selectFrom("users").select("name").where("id", "=", order.created_by_user_id).executeTakeFirst(),
  ]);
}

export interface OrderFilter {
  /** The administrator's view: the enterprise's orders. */
  enterpriseId?: string;
  /** Everyone else's: the orders they made. */
  createdByUserId?: string;
  status?: RenewalOrderStatus;
  orderNo?: string;
  enterpriseName?: string;
  holderName?: string;
  /** ISO instants: created at or after `from`, before `to`. */
  from?: string;
  to?: string;
  channel?: "alipay" | "wechat";
  /** Order number or a holder's name. */
  q?: string;
}

function filteredOrders(db: DbOrTx, f: OrderFilter) {
  let query = db.selectFrom("renewal_orders as o").leftJoin("enterprises as e", "e.id", "o.enterprise_id");
  if (f.enterpriseId) query = query.where("o.enterprise_id", "=", f.enterpriseId);
  if (f.createdByUserId) query = query.where("o.created_by_user_id", "=", f.createdByUserId);
  if (f.status) query = query.where("o.status", "=", f.status);
  if (f.orderNo) query = query.where("o.order_no", "like", containing(f.orderNo));
  if (f.enterpriseName) query = query.where("e.name", "like", containing(f.enterpriseName));
  if (f.from) query = query.where("o.created_at", ">=", f.from);
  if (f.to) query = query.where("o.created_at", "<", f.to);
  const holder = f.holderName ?? f.q;
  if (holder) {
    const pattern = containing(holder);
    query = query.where((eb) =>
      eb.or([
        ...(f.q ? [eb("o.order_no", "like", pattern)] : []),
        eb.exists(
          eb
            .selectFrom("renewal_items as hi")
            .innerJoin("certificates as hc", "hc.id", "hi.certificate_id")
            .select("hi.id")
            .whereRef("hi.order_id", "=", "o.id")
            .where("hc.holder_name", "like", pattern),
        ),
      ]),
    );
  }
  if (f.channel) {
    const channel = f.channel;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("payments as cp")
          .select("cp.id")
          .whereRef("cp.order_id", "=", "o.id")
          .where("cp.channel", "=", channel)
          .where("cp.status", "in", ["paid", "refunding", "refunded"]),
      ),
    );
  }
  return query;
}

export async function pageOrders(db: DbOrTx, f: OrderFilter, page: { page: number; pageSize: number }) {
  const [{ total }, rows] = await Promise.all([
    filteredOrders(db, f)
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
    filteredOrders(db, f)
      .innerJoin("users as u", "u.id", "o.created_by_user_id")
      .select([
        "o.id",
        "o.order_no",
        "o.status",
        "o.total_fen",
        "o.created_at",
        "o.expires_at",
        "o.paid_at",
        "e.name as enterprise_name",
        "u.name as created_by_name",
      ])
      .orderBy("o.created_at", "desc")
      .orderBy("o.id", "desc")
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

/** Per order: how many items, whose, and the channel of the payment that counted. */
export async function summariseOrders(db: DbOrTx, orderIds: readonly string[]) {
  if (orderIds.length === 0) return { holders: [], channels: [] };
  const [holders, channels] = await Promise.all([
    db
      .selectFrom("renewal_items as i")
      .innerJoin("certificates as c", "c.id", "i.certificate_id")
      .select(["i.order_id", "c.holder_name"])
      .where("i.order_id", "in", [...orderIds])
      .orderBy("i.created_at")
      .execute(),
    db
      .selectFrom("payments")
      .select(["order_id", "channel"])
      .where("order_id", "in", [...orderIds])
      .where("status", "in", ["paid", "refunding", "refunded"])
      .orderBy("paid_at")
      .execute(),
  ]);
  return { holders, channels };
}

/** Unpaid orders whose time is up, oldest first. */
export function listExpiredOrders(db: DbOrTx, now: string, limit: number) {
  return db
    .selectFrom("renewal_orders")
    .select(["id"])
    .where("status", "=", "pending_payment")
    .where("expires_at", "<=", now)
    .orderBy("expires_at")
    .limit(limit)
    .execute();
}

export function listItemIdsOfOrder(db: DbOrTx, orderId: string, status: RenewalItemStatus) {
  return db
    .selectFrom("renewal_items")
    .select(["id"])
    .where("order_id", "=", orderId)
    .where("status", "=", status)
    .execute();
}

/** 【更新数字证书】: paid items of this person's certificates waiting for (or in) a key update. */
export function listPendingUpdates(db: DbOrTx, userId: string) {
  return db
    .selectFrom("renewal_items as i")
    .innerJoin("renewal_orders as o", "o.id", "i.order_id")
    .innerJoin("certificates as c", "c.id", "i.certificate_id")
    .innerJoin("tokens as t", "t.id", "c.token_id")
    .leftJoin("certificate_categories as cat", "cat.code", "i.category_code")
    .leftJoin("vendors as v", "v.id", "c.vendor_id")
    .select([
      "i.id",
      "i.status",
      "i.certificate_id",
      "i.category_code",
      "o.id as order_id",
      "o.order_no",
      "o.paid_at",
      "c.serial_number",
      "c.holder_name",
      "c.not_after",
      "cat.name as category_name",
      "v.name as vendor_name",
    ])
    .where("t.bound_user_id", "=", userId)
    .where("i.status", "in", ["awaiting_update", "updating"])
    .orderBy("o.paid_at")
    .execute();
}

/**
 * A renewal item under its row lock until the transaction ends (a no-op write: PostgreSQL's row lock, and on
 * SQLite the writer's lock from the first statement on), with what a key update needs of it.
 */
export function lockItem(db: DbOrTx, itemId: string, now: string) {
  return db
    .updateTable("renewal_items")
    .set({ updated_at: now })
    .where("id", "=", itemId)
    .returning(["id", "order_id", "certificate_id", "status"])
    .executeTakeFirst();
}

export function findItem(db: DbOrTx, itemId: string) {
  return db
    .selectFrom("renewal_items")
    .select(["id", "order_id", "certificate_id", "status"])
    .where("id", "=", itemId)
    .executeTakeFirst();
}

export async function listChosenPlatformIds(db: DbOrTx, itemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("renewal_item_platforms")
    .select("platform_id")
    .where("item_id", "=", itemId)
    .execute();
  return rows.map((r) => r.platform_id);
}

export function listItemStatusesOfOrder(db: DbOrTx, orderId: string) {
  return db.selectFrom("renewal_items").select(["id", "status"]).where("order_id", "=", orderId).execute();
}
