import {
  type ConsoleOrderQuery,
  consoleOrderQuerySchema,
  type PendingKeyUpdate,
  type RenewableCertificatesResponse,
  type RenewalBlocker,
  type RenewalOrder,
  type RenewalOrderListQuery,
  type RenewalOrderRequest,
  type RenewalOrderSummary,
  renewalOrderListQuerySchema,
} from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { RenewalItemPlatformsTable, RenewalItemsTable, RenewalOrdersTable } from "../../db/schema";
import { isUniqueViolation } from "../../db/unique-violation";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition, transitionAll } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import { beijingDate, beijingDayStart } from "../../shared/beijing-time";
import type { Clock } from "../../shared/clock";
import { groupBy } from "../../shared/group-by";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { CatalogService } from "../catalog/catalog.service";
import { priceRenewal } from "../catalog/pricing";
import type { JobRequest } from "../outbox/outbox";
import type { Actor } from "../policy/actor";
import { authorize } from "../policy/policy";
import { orderSummaries, orderView } from "./renewal-order.view";
import {
  findEnterpriseApproval,
  findOrder,
  findOrderByIdempotencyKey,
  findProfileCompletion,
  findRenewableCertificates,
  insertOrder,
  listAssociatedPlatformCodes,
  listExpiredOrders,
  listItemIdsOfOrder,
  listOpenOrdersOf,
  listPendingUpdates,
  listRenewableCertificates,
  lockOrder,
  type OrderRow,
  pageOrders,
  type RenewalScope,
  takeOrderNumber,
} from "./renewals.queries";
import { renewalItemMachine, renewalOrderMachine } from "./renewals.states";
import "./renewals.audit";

type User = Extract<Actor, { kind: "user" }>;

/** What else an unpaid order's end must undo, in the same transaction (its payments, its invoice request). */
export interface OrderClosing {
  /** Jobs to run after commit, e.g. closing the order's unpaid payments at their providers. */
  onOrderClosed(trx: DbOrTx, orderId: string, at: Date): Promise<JobRequest[]>;
}

/** `PL` + the Beijing date + a six-digit counter of that day, e.g. PL20261130000001. */
export function formatOrderNo(at: Date, counter: number): string {
  return `PL${beijingDate(at).replaceAll("-", "")}${String(counter).padStart(6, "0")}`;
}

/**
 * Renewal orders (J5): the certificates the current identity may renew and what stands in the way, the order
 * priced on the server from the catalog at order time (and kept: a later catalog change does not alter it), a
 * certificate in at most one open order, cancelling while unpaid, and unpaid orders expiring on time.
 */
export class RenewalOrderService {
  private closing: OrderClosing[] = [];

  constructor(
    private readonly deps: {
      database: UnitOfWork;
      clock: Clock;
      catalog: CatalogService;
      expiresAfterMs: number;
    },
  ) {}

  /** Payments and invoices register what an order's cancellation or expiry must close too. */
  onClosing(closing: OrderClosing): void {
    this.closing.push(closing);
  }

  async renewable(actor: Actor): Promise<RenewableCertificatesResponse> {
    const user = signedIn(actor);
    const db = this.deps.database.db;
    const blockers = await this.blockers(db, user);
    const scope = scopeOf(user);
    if (!scope) return { items: [], blockers };
    const rows = await listRenewableCertificates(db, scope);
    const ids = rows.map((r) => r.id);
    const [platforms, open] = await Promise.all([listAssociatedPlatformCodes(db, ids), listOpenOrdersOf(db, ids)]);
    const platformsOf = groupBy(platforms, (p) => p.certificate_id);
    const openOf = new Map(open.map((o) => [o.certificate_id, o]));
    const now = this.deps.clock.now().getTime();
    return {
      blockers,
      items: rows.map((r) => ({
        certificateId: r.id,
        holderName: r.holder_name,
        categoryCode: r.category_code ?? "",
        categoryName: r.category_name,
        vendor: r.vendor_name ?? "",
        notAfter: r.not_after,
        daysLeft: r.not_after === null ? null : Math.floor((Date.parse(r.not_after) - now) / 86_400_000),
        platformCodes: (platformsOf.get(r.id) ?? []).map((p) => p.code),
        openOrderId: openOf.get(r.id)?.order_id ?? null,
        openOrderNo: openOf.get(r.id)?.order_no ?? null,
      })),
    };
  }

  /** 【提交订单】. With an idempotency key, a retried submit answers the order the first one made. */
  async create(actor: Actor, request: RenewalOrderRequest, idempotencyKey?: string): Promise<RenewalOrder> {
    const user = signedIn(actor);
    const { database, clock } = this.deps;
    if (idempotencyKey) {
      const earlier = await this.earlierAttempt(user, idempotencyKey);
      if (earlier) return earlier;
    }
    const [firstBlocker] = await this.blockers(database.db, user);
    if (firstBlocker) throw new AppError(`RENEWAL_${firstBlocker.code}`, firstBlocker.message);
    const scope = scopeOf(user);
    if (!scope) throw new AppError("RENEWAL_NO_ENTERPRISE_IDENTITY");
    const ids = request.items.map((i) => i.certificateId);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated) throw new AppError("RENEWAL_CERTIFICATE_REPEATED", undefined, { certificateId: repeated });
    const priceList = await this.deps.catalog.priceList();
    const platformIds = await this.deps.catalog.activePlatformIdsByCode();
    try {
      const order = await database.transaction(async (trx) => {
        const now = clock.now();
        const certificates = new Map((await findRenewableCertificates(trx, scope, ids)).map((c) => [c.id, c]));
        const missing = ids.find((id) => !certificates.has(id));
        if (missing) throw new AppError("RENEWAL_CERTIFICATE_NOT_RENEWABLE", undefined, { certificateId: missing });
        await refuseOpenOrders(trx, ids);
        const lines = request.items.map((item) => ({
          ...item,
          certificate: certificates.get(item.certificateId) as NonNullable<ReturnType<typeof certificates.get>>,
        }));
        const priced = priceRenewal(
          priceList,
          lines.map((l) => ({ categoryCode: l.certificate.category_code ?? "", platformCodes: l.platformCodes })),
        );
        const previous = groupBy(await listAssociatedPlatformCodes(trx, ids), (p) => p.certificate_id);
        const iso = now.toISOString();
        const orderRow: Omit<RenewalOrdersTable, "wants_invoice"> = {
          id: newId(),
          order_no: formatOrderNo(now, await takeOrderNumber(trx, formatOrderNo(now, 0).slice(2, 10))),
          enterprise_id: scope.enterpriseId,
          created_by_user_id: user.userId,
          identity_id: user.identity?.id ?? "",
          status: "pending_payment",
          total_fen: priced.totalFen,
          idempotency_key: idempotencyKey ?? null,
          expires_at: new Date(now.getTime() + this.deps.expiresAfterMs).toISOString(),
          paid_at: null,
          created_at: iso,
          updated_at: iso,
        };
        const items: RenewalItemsTable[] = [];
        const platforms: RenewalItemPlatformsTable[] = [];
        lines.forEach((line, index) => {
          const item: RenewalItemsTable = {
            id: newId(),
            order_id: orderRow.id,
            certificate_id: line.certificateId,
            holder_user_id: line.certificate.bound_user_id,
            category_code: line.certificate.category_code ?? "",
            base_fee_fen: priceList.baseFeeFen.get(line.certificate.category_code ?? "") ?? 0,
            price_fen: priced.items[index]?.priceFen ?? 0,
            previous_platform_codes: JSON.stringify((previous.get(line.certificateId) ?? []).map((p) => p.code)),
            status: "awaiting_payment",
            refund_id: null,
            created_at: iso,
            updated_at: iso,
          };
          items.push(item);
          for (const code of line.platformCodes) {
            platforms.push({
              item_id: item.id,
              platform_id: platformIds.get(code) ?? "",
              fee_fen: priceList.platformFeeFen.get(code) ?? 0,
            });
          }
        });
        await insertOrder(trx, orderRow, items, platforms);
        await recordCreation(trx, user, orderRow, items.length, now);
        return orderRow;
      });
      return orderView(database.db, { ...order, wants_invoice: 0 });
    } catch (error) {
      // Another submit got there first: the same attempt sent twice (its order answers this one too), or another
      // order took a certificate (named in the refusal).
      const earlier = idempotencyKey ? await this.earlierAttempt(user, idempotencyKey) : undefined;
      if (earlier) return earlier;
      if (!isUniqueViolation(error)) throw error;
      await refuseOpenOrders(database.db, ids);
      throw error;
    }
  }

  async get(actor: Actor, orderId: string): Promise<RenewalOrder> {
    const db = this.deps.database.db;
    const order = await findOrder(db, orderId);
    if (!order) throw new AppError("ORDER_NOT_FOUND");
    authorize(actor, "renewal_order.read", resourceOf(order));
    return orderView(db, order);
  }

  /** The console's view of one order (operators see every order). */
  async consoleGet(orderId: string): Promise<RenewalOrder> {
    const order = await findOrder(this.deps.database.db, orderId);
    if (!order) throw new AppError("ORDER_NOT_FOUND");
    return orderView(this.deps.database.db, order);
  }

  async list(actor: Actor, query: RenewalOrderListQuery) {
    const user = signedIn(actor);
    const q = renewalOrderListQuerySchema.parse(query);
    const identity = user.identity;
    const own =
      identity?.role === "admin" && identity.enterpriseId
        ? { enterpriseId: identity.enterpriseId }
        : { createdByUserId: user.userId };
    return this.page({ ...own, status: q.status, q: q.q }, q);
  }

  async search(query: ConsoleOrderQuery) {
    const q = consoleOrderQuerySchema.parse(query);
    return this.page(
      {
        orderNo: q.orderNo,
        enterpriseName: q.enterprise,
        holderName: q.holder,
        from: q.from ? beijingDayStart(q.from) : undefined,
        to: q.to ? beijingDayStart(q.to, 1) : undefined,
        channel: q.channel,
        status: q.status,
      },
      q,
    );
  }

  private async page(
    filter: Parameters<typeof pageOrders>[1],
    page: { page: number; pageSize: number },
  ): Promise<{ items: RenewalOrderSummary[]; total: number; page: number; pageSize: number }> {
    const db = this.deps.database.db;
    const { total, rows } = await pageOrders(db, filter, page);
    return { items: await orderSummaries(db, rows), total, ...page };
  }

  /** 【取消订单】 while unpaid: its certificates are free again; a payment still open is closed. */
  async cancel(actor: Actor, orderId: string): Promise<RenewalOrder> {
    await this.close(orderId, "cancelled", (order) => {
      authorize(actor, "renewal_order.cancel", resourceOf(order));
      if (order.status !== "pending_payment") throw new AppError("ORDER_NOT_CANCELLABLE");
      return actor;
    });
    return this.get(actor, orderId);
  }

  /** Unpaid orders whose time is up expire (the sweeper, every few seconds, in any number of processes). */
  async expireDue(actor: Actor, limit = 100): Promise<number> {
    const due = await listExpiredOrders(this.deps.database.db, this.deps.clock.now().toISOString(), limit);
    let expired = 0;
    for (const { id } of due) {
      const done = await this.close(id, "expired", (order) =>
        order.status === "pending_payment" && order.expires_at <= this.deps.clock.now().toISOString() ? actor : null,
      );
      if (done) expired += 1;
    }
    return expired;
  }

  /** 【更新数字证书】: this person's paid items that wait for their key update. */
  async pendingUpdates(actor: Actor): Promise<{ items: PendingKeyUpdate[] }> {
    const user = signedIn(actor);
    const rows = await listPendingUpdates(this.deps.database.db, user.userId);
    return {
      items: rows.map((r) => ({
        itemId: r.id,
        orderId: r.order_id,
        orderNo: r.order_no,
        appliedAt: r.paid_at ?? "",
        certificateId: r.certificate_id,
        serialNumber: r.serial_number,
        holderName: r.holder_name,
        categoryCode: r.category_code,
        categoryName: r.category_name ?? r.category_code,
        vendor: r.vendor_name ?? "",
        notAfter: r.not_after,
        status: r.status,
      })),
    };
  }

  /**
   * Ends an unpaid order (cancelled or expired) under its row lock: the order and its items move through the
   * transition step, what else must close (payments, invoice request) closes in the same transaction.
   * `decide` returns who acts, or null when the order no longer qualifies.
   */
  private async close(
    orderId: string,
    to: "cancelled" | "expired",
    decide: (order: OrderRow) => Actor | null,
  ): Promise<boolean> {
    const { database, clock } = this.deps;
    return database.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId, database.kind);
      if (!order) throw new AppError("ORDER_NOT_FOUND");
      const actor = decide(order);
      if (!actor || order.status !== "pending_payment") return false;
      const now = clock.now();
      const jobs: JobRequest[] = [];
      for (const closing of this.closing) jobs.push(...(await closing.onOrderClosed(trx, orderId, now)));
      await transition(trx, renewalOrderMachine, {
        id: orderId,
        from: "pending_payment",
        to,
        set: { updated_at: now.toISOString() },
        audit: {
          actor,
          action: to === "cancelled" ? "renewal_order.cancelled" : "renewal_order.expired",
          data: { orderNo: order.order_no },
        },
        jobs,
        at: now,
      });
      const items = await listItemIdsOfOrder(trx, orderId, "awaiting_payment");
      await transitionAll(trx, renewalItemMachine, {
        ids: items.map((i) => i.id),
        from: "awaiting_payment",
        to: "cancelled",
        set: { updated_at: now.toISOString() },
        audit: { actor, action: "renewal_item.cancelled", data: { orderId } },
        at: now,
      });
      return true;
    });
  }

  private async earlierAttempt(user: User, key: string): Promise<RenewalOrder | undefined> {
    const db = this.deps.database.db;
    const earlier = await findOrderByIdempotencyKey(db, key);
    if (!earlier) return undefined;
    if (earlier.created_by_user_id !== user.userId) throw new AppError("VALIDATION_FAILED", "Idempotency-Key 已被使用");
    return orderView(db, earlier);
  }

  private async blockers(db: DbOrTx, user: User): Promise<RenewalBlocker[]> {
    const blockers: RenewalBlocker[] = [];
    const profile = await findProfileCompletion(db, user.userId);
    if (!profile?.profile_completed_at) {
      blockers.push({
        code: "PROFILE_INCOMPLETE",
        message: "个人信息未完善：请先【编辑个人信息】完善后再申请延期",
        link: "/center/profile",
      });
    }
    const enterpriseId = user.identity?.enterpriseId ?? null;
    if (!enterpriseId || user.identity?.role === "individual") {
      blockers.push({
        code: "NO_ENTERPRISE_IDENTITY",
        message: "当前为个人角色：请【切换身份】为企业角色后再申请延期",
        link: "/center/identity",
      });
      return blockers;
    }
    const enterprise = await findEnterpriseApproval(db, enterpriseId);
    if (!enterprise?.approved_revision_id) {
      blockers.push({
        code: "ENTERPRISE_NOT_APPROVED",
        message: "企业信息未审核通过：请管理员【编辑企业信息】并提交审核，审核通过后再申请延期",
        link: "/center/enterprise",
      });
    }
    return blockers;
  }
}

function signedIn(actor: Actor): User {
  if (actor.kind !== "user") throw new AppError(actor.kind === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");
  return actor;
}

/** Administrator: the enterprise's certificates; project lead and agent: their own in it. */
function scopeOf(user: User): RenewalScope | null {
  const identity = user.identity;
  if (!identity?.enterpriseId || identity.role === "individual") return null;
  return identity.role === "admin"
    ? { enterpriseId: identity.enterpriseId }
    : { enterpriseId: identity.enterpriseId, holderUserId: user.userId };
}

export const resourceOf = (order: OrderRow) => ({
  createdByUserId: order.created_by_user_id,
  enterpriseId: order.enterprise_id,
});

/** A certificate already in an open order is refused with the order's number, so the person can go to it. */
async function refuseOpenOrders(db: DbOrTx, certificateIds: readonly string[]): Promise<void> {
  const [open] = await listOpenOrdersOf(db, certificateIds);
  if (open) {
    throw new AppError(
      "RENEWAL_CERTIFICATE_IN_OPEN_ORDER",
      `该证书已在订单 ${open.order_no} 中，请先支付或取消该订单`,
      {
        certificateId: open.certificate_id,
        orderId: open.order_id,
        orderNo: open.order_no,
      },
    );
  }
}

async function recordCreation(
  trx: DbOrTx,
  actor: Actor,
  order: Omit<RenewalOrdersTable, "wants_invoice">,
  itemCount: number,
  at: Date,
): Promise<void> {
  await recordAudit(
    trx,
    actor,
    "renewal_order.created",
    { kind: "renewal_order", id: order.id },
    { orderNo: order.order_no, totalFen: order.total_fen, itemCount },
    at,
  );
}
