import { type Selectable, sql } from "kysely";
import type { DbOrTx } from "../../db/database";
import { containing } from "../../db/like";
import type { PaymentsTable, RefundsTable } from "../../db/schema";

export type PaymentRow = Selectable<PaymentsTable>;
export type RefundRow = Selectable<RefundsTable>;

/** States in which the money has arrived (and may be on its way back). */
export const MONEY_IN: PaymentsTable["status"][] = ["paid", "refunding", "refunded"];

export async function insertPayment(db: DbOrTx, row: PaymentsTable): Promise<void> {
  await db.insertInto("payments").values(row).execute();
}

export function findPayment(db: DbOrTx, id: string) {
  return db.selectFrom("payments").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findPaymentByOutTradeNo(db: DbOrTx, outTradeNo: string) {
  return db.selectFrom("payments").selectAll().where("out_trade_no", "=", outTradeNo).executeTakeFirst();
}

/** The payment, locked until the transaction ends on PostgreSQL (SQLite: one writer). */
export function lockPayment(db: DbOrTx, id: string, kind: "sqlite" | "postgres") {
  const query = db.selectFrom("payments").selectAll().where("id", "=", id);
  return (kind === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

export function listPaymentsOfOrder(db: DbOrTx, orderId: string) {
  return db.selectFrom("payments").selectAll().where("order_id", "=", orderId).orderBy("created_at").execute();
}

export async function setPaymentStart(
  db: DbOrTx,
  id: string,
  start: { pay_url: string | null; code_url: string | null; updated_at: string },
): Promise<void> {
  const { pay_url, code_url, updated_at } = start;
  await db.updateTable("payments").set({ pay_url, code_url, updated_at }).where("id", "=", id).execute();
}

export async function setQueriedAt(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable("payments").set({ queried_at: at }).where("id", "=", id).execute();
}

export async function markOrderWantsInvoice(db: DbOrTx, orderId: string, at: string): Promise<void> {
  await db.updateTable("renewal_orders").set({ wants_invoice: 1, updated_at: at }).where("id", "=", orderId).execute();
}

/**
 * Unpaid payments of orders still waiting for payment that no notification settled: asked of the provider,
 * each at most once per `notQueriedSince` (oldest first).
 */
export function listPaymentsToQuery(
  db: DbOrTx,
  opts: { createdBefore: string; notQueriedSince: string; limit: number },
) {
  return db
    .selectFrom("payments as p")
    .innerJoin("renewal_orders as o", "o.id", "p.order_id")
    .select(["p.id", "p.channel", "p.out_trade_no"])
    .where("p.status", "=", "created")
    .where("o.status", "=", "pending_payment")
    .where("p.created_at", "<", opts.createdBefore)
    .where((eb) => eb.or([eb("p.queried_at", "is", null), eb("p.queried_at", "<", opts.notQueriedSince)]))
    .orderBy("p.created_at")
    .limit(opts.limit)
    .execute();
}

export async function insertRefund(db: DbOrTx, row: Omit<RefundsTable, "automatic"> & { automatic: number }) {
  await db.insertInto("refunds").values(row).execute();
}

/** The payment's newest refund: a failed one may be tried again only while nothing newer was asked. */
export function findLatestRefundOf(db: DbOrTx, paymentId: string) {
  return db
    .selectFrom("refunds")
    .selectAll()
    .where("payment_id", "=", paymentId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** The items a failed refund covered now wait for the refund that tries again. */
export async function moveItemsToRefund(db: DbOrTx, fromRefundId: string, toRefundId: string): Promise<void> {
  await db.updateTable("renewal_items").set({ refund_id: toRefundId }).where("refund_id", "=", fromRefundId).execute();
}

export function findRefund(db: DbOrTx, id: string) {
  return db.selectFrom("refunds").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function sumSucceededRefunds(db: DbOrTx, paymentId: string): Promise<number> {
  const row = await db
    .selectFrom("refunds")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount_fen"), sql<number>`0`).as("fen"))
    .where("payment_id", "=", paymentId)
    .where("status", "=", "succeeded")
    .executeTakeFirstOrThrow();
  return Number(row.fen);
}

export interface PaymentFilter {
  orderNo?: string;
  enterpriseName?: string;
  holderName?: string;
  from?: string;
  to?: string;
  channel?: "alipay" | "wechat";
  status?: string;
}

function filteredPayments(db: DbOrTx, f: PaymentFilter) {
  let query = db
    .selectFrom("payments as p")
    .innerJoin("renewal_orders as o", "o.id", "p.order_id")
    .leftJoin("enterprises as e", "e.id", "o.enterprise_id");
  if (f.orderNo) query = query.where("o.order_no", "like", containing(f.orderNo));
  if (f.enterpriseName) query = query.where("e.name", "like", containing(f.enterpriseName));
  if (f.from) query = query.where("p.created_at", ">=", f.from);
  if (f.to) query = query.where("p.created_at", "<", f.to);
  if (f.channel) query = query.where("p.channel", "=", f.channel);
  if (f.status) query = query.where("o.status", "=", f.status as never);
  if (f.holderName) {
    const pattern = containing(f.holderName);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("renewal_items as hi")
          .innerJoin("certificates as hc", "hc.id", "hi.certificate_id")
          .select("hi.id")
          .whereRef("hi.order_id", "=", "o.id")
          .where("hc.holder_name", "like", pattern),
      ),
    );
  }
  return query;
}

export async function pagePayments(db: DbOrTx, f: PaymentFilter, page: { page: number; pageSize: number }) {
  const [{ total }, rows] = await Promise.all([
    filteredPayments(db, f)
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
    filteredPayments(db, f)
      .select([
        "p.id",
        "p.out_trade_no",
        "p.channel",
        "p.amount_fen",
        "p.status",
        "p.created_at",
        "p.paid_at",
        "p.provider_trade_no",
        "o.id as order_id",
        "o.order_no",
        "o.status as order_status",
        "e.name as enterprise_name",
      ])
      .select((eb) => [
        eb
          .selectFrom("refunds as r")
          .select((rb) => rb.fn.coalesce(rb.fn.sum<number>("r.amount_fen"), sql<number>`0`).as("fen"))
          .whereRef("r.payment_id", "=", "p.id")
          .where("r.status", "=", "succeeded")
          .as("refunded_fen"),
        eb
          .selectFrom("refunds as ar")
          .select((rb) => rb.fn.countAll<number>().as("n"))
          .whereRef("ar.payment_id", "=", "p.id")
          .where("ar.automatic", "=", 1)
          .as("automatic_refunds"),
        eb
          .selectFrom("refunds as lr")
          .select(["lr.id"])
          .whereRef("lr.payment_id", "=", "p.id")
          .orderBy("lr.created_at", "desc")
          .orderBy("lr.id", "desc")
          .limit(1)
          .as("latest_refund_id"),
        eb
          .selectFrom("refunds as ls")
          .select(["ls.status"])
          .whereRef("ls.payment_id", "=", "p.id")
          .orderBy("ls.created_at", "desc")
          .orderBy("ls.id", "desc")
          .limit(1)
          .as("latest_refund_status"),
      ])
      .orderBy("p.created_at", "desc")
      .orderBy("p.id", "desc")
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

/** A day's money per channel: payments that arrived that day, refunds that went out that day. */
export async function dailyTotals(db: DbOrTx, from: string, to: string) {
  const [paid, refunded] = await Promise.all([
    db
      .selectFrom("payments")
      .select(["channel"])
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("amount_fen").as("fen")])
      .where("paid_at", ">=", from)
      .where("paid_at", "<", to)
      .where("status", "in", MONEY_IN)
      .groupBy("channel")
      .execute(),
    db
      .selectFrom("refunds as r")
      .innerJoin("payments as p", "p.id", "r.payment_id")
      .select(["p.channel"])
      .select((eb) => eb.fn.sum<number>("r.amount_fen").as("fen"))
      .where("r.status", "=", "succeeded")
      .where("r.updated_at", ">=", from)
      .where("r.updated_at", "<", to)
      .groupBy("p.channel")
      .execute(),
  ]);
  return { paid, refunded };
}
