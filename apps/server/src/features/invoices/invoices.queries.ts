import type { Insertable, Updateable } from "kysely";
import type { DbOrTx } from "../../db/database";
import { containing } from "../../db/like";
import type { InvoiceRequestsTable } from "../../db/schema";

/** The order states in which an invoice may be issued (the console's queue shows only these). */
const PAID_ORDER_STATES = ["paid", "completed"] as const;

export function findRequestOfOrder(db: DbOrTx, orderId: string) {
  return db.selectFrom("invoice_requests").selectAll().where("order_id", "=", orderId).executeTakeFirst();
}

export function findOrderStatus(db: DbOrTx, orderId: string) {
  return db.selectFrom("renewal_orders").select(["id", "status"]).where("id", "=", orderId).executeTakeFirst();
}

export async function insertRequest(db: DbOrTx, row: Insertable<InvoiceRequestsTable>): Promise<void> {
  await db.insertInto("invoice_requests").values(row).execute();
}

/** New title details and receiving address for a request still waiting (its kind and status never change here). */
export async function updateRequestTitle(
  db: DbOrTx,
  id: string,
  set: Omit<Updateable<InvoiceRequestsTable>, "id" | "status" | "kind" | "order_id" | "file_id" | "issued_at">,
): Promise<void> {
  const { title_type, title, taxpayer_number, address, phone, bank, bank_account, email, updated_at } = set;
  await db
    .updateTable("invoice_requests")
    .set({ title_type, title, taxpayer_number, address, phone, bank, bank_account, email, updated_at })
    .where("id", "=", id)
    .where("status", "=", "requested")
    .execute();
}

/** A request with its order's number, amount, state, owner and enterprise. */
function requestsWithOrders(db: DbOrTx) {
  return db
    .selectFrom("invoice_requests as i")
    .innerJoin("renewal_orders as o", "o.id", "i.order_id")
    .leftJoin("enterprises as e", "e.id", "o.enterprise_id")
    .select([
      "i.id",
      "i.order_id",
      "i.kind",
      "i.title_type",
      "i.title",
      "i.taxpayer_number",
      "i.address",
      "i.phone",
      "i.bank",
      "i.bank_account",
      "i.email",
      "i.status",
      "i.file_id",
      "i.issued_at",
      "i.created_at",
      "o.order_no",
      "o.total_fen",
      "o.status as order_status",
      "o.paid_at",
      "o.enterprise_id",
      "o.created_by_user_id",
      "e.name as enterprise_name",
    ]);
}

export type RequestWithOrder = Awaited<ReturnType<typeof findRequestWithOrder>> & {};

export function findRequestWithOrder(db: DbOrTx, id: string) {
  return requestsWithOrders(db).where("i.id", "=", id).executeTakeFirst();
}

/** Whose requests 【发票管理】 lists: the enterprise's (its administrator) or one person's orders in it. */
export type RequestScope = { enterpriseId: string } | { createdByUserId: string; enterpriseId: string | null };

export async function pageRequests(
  db: DbOrTx,
  filter: {
    scope?: RequestScope;
    paidOnly?: boolean;
    status?: InvoiceRequestsTable["status"];
    kind?: InvoiceRequestsTable["kind"];
    search?: string;
    page: number;
    pageSize: number;
  },
) {
  let base = requestsWithOrders(db);
  const { scope } = filter;
  if (scope && "createdByUserId" in scope) {
    base = base.where("o.created_by_user_id", "=", scope.createdByUserId);
    base = scope.enterpriseId
      ? base.where("o.enterprise_id", "=", scope.enterpriseId)
      : base.where("o.enterprise_id", "is", null);
  } else if (scope) base = base.where("o.enterprise_id", "=", scope.enterpriseId);
  if (filter.paidOnly) base = base.where("o.status", "in", PAID_ORDER_STATES);
  if (filter.status) base = base.where("i.status", "=", filter.status);
  if (filter.kind) base = base.where("i.kind", "=", filter.kind);
  if (filter.search) {
    const like = containing(filter.search);
    base = base.where((eb) =>
      eb.or([eb("o.order_no", "like", like.toUpperCase()), eb("i.title", "like", like), eb("e.name", "like", like)]),
    );
  }
  const [{ total } = { total: 0 }] = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .execute();
  const items = await base
    .orderBy("i.created_at", "desc")
    .orderBy("i.id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), items };
}

/** The lines of an order as an invoice lists them: holder, category and the price fixed at order time. */
export function findInvoiceLines(db: DbOrTx, orderId: string) {
  return db
    .selectFrom("renewal_items as r")
    .innerJoin("certificates as c", "c.id", "r.certificate_id")
    .innerJoin("certificate_categories as k", "k.code", "r.category_code")
    .select(["r.id", "r.price_fen", "c.holder_name", "k.name as category_name"])
    .where("r.order_id", "=", orderId)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
}
