import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition, transitionAll } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Actor } from "../policy/actor";
import { findOrder, listItemIdsOfOrder, listItemsOfOrder, lockOrder, type OrderRow } from "./renewals.queries";
import { renewalItemMachine, renewalOrderMachine } from "./renewals.states";
import "./renewals.audit";

/**
 * What payments do to an order, inside the payment's transaction: lock it, mark it paid (its items then wait
 * for their key updates), and take refunded items out of it. The order's states stay this feature's.
 */
export class OrderSettlement {
  constructor(private readonly database: UnitOfWork) {}

  async find(db: DbOrTx, orderId: string): Promise<OrderRow> {
    const order = await findOrder(db, orderId);
    if (!order) throw new AppError("ORDER_NOT_FOUND");
    return order;
  }

  /** The order under its row lock, for a payment about to start or to land. */
  async lock(trx: DbOrTx, orderId: string): Promise<OrderRow> {
    const order = await lockOrder(trx, orderId, this.database.kind);
    if (!order) throw new AppError("ORDER_NOT_FOUND");
    return order;
  }

  /** 【立即支付】 only while the order waits for payment and its time is not up. */
  assertPayable(order: OrderRow, now: Date): void {
    if (order.status !== "pending_payment") throw new AppError("ORDER_NOT_PAYABLE");
    if (order.expires_at <= now.toISOString()) {
      throw new AppError("ORDER_NOT_PAYABLE", "订单已超过支付期限，请重新下单");
    }
  }

  /** The payment that counts: the order is paid and every item waits for its holder's key update. */
  async markPaid(
    trx: DbOrTx,
    order: OrderRow,
    payment: { id: string; channel: "alipay" | "wechat" },
    actor: Actor,
    at: Date,
  ): Promise<void> {
    const iso = at.toISOString();
    await transition(trx, renewalOrderMachine, {
      id: order.id,
      from: "pending_payment",
      to: "paid",
      set: { paid_at: iso, updated_at: iso },
      audit: {
        actor,
        action: "renewal_order.paid",
        data: { orderNo: order.order_no, paymentId: payment.id, channel: payment.channel },
      },
      at,
    });
    const items = await listItemIdsOfOrder(trx, order.id, "awaiting_payment");
    await transitionAll(trx, renewalItemMachine, {
      ids: items.map((i) => i.id),
      from: "awaiting_payment",
      to: "awaiting_update",
      set: { updated_at: iso },
      audit: { actor, action: "renewal_item.paid", data: { orderId: order.id } },
      at,
    });
  }

  /**
   * Takes items of a paid order out for a refund (all not yet updated, or those named): only items still
   * waiting for their key update can be refunded; their certificates are free to order again. The order is
   * refunded when nothing else is left, completed when the rest is updated. Returns the amount to refund.
   */
  async refundItems(
    trx: DbOrTx,
    order: OrderRow,
    itemIds: readonly string[] | undefined,
    refundId: string,
    actor: Actor,
    at: Date,
  ): Promise<{ refundFen: number; wholeOrder: boolean }> {
    if (order.status !== "paid") throw new AppError("ORDER_NOT_REFUNDABLE");
    const items = await listItemsOfOrder(trx, order.id);
    const chosen = itemIds ? items.filter((i) => itemIds.includes(i.id)) : items.filter(waitingForUpdate);
    if (chosen.length === 0 || (itemIds && chosen.length !== new Set(itemIds).size)) {
      throw new AppError("ORDER_ITEM_NOT_REFUNDABLE", "请选择本订单中待更新的证书");
    }
    if (!chosen.every(waitingForUpdate)) throw new AppError("ORDER_ITEM_NOT_REFUNDABLE");
    const iso = at.toISOString();
    await transitionAll(trx, renewalItemMachine, {
      ids: chosen.map((i) => i.id),
      from: "awaiting_update",
      to: "refunded",
      set: { refund_id: refundId, updated_at: iso },
      audit: { actor, action: "renewal_item.refunded", data: { orderId: order.id, refundId } },
      at,
    });
    const chosenIds = new Set(chosen.map((i) => i.id));
    const rest = items.filter((i) => !chosenIds.has(i.id) && i.status !== "refunded" && i.status !== "cancelled");
    const to = rest.length === 0 ? "refunded" : rest.every((i) => i.status === "completed") ? "completed" : null;
    if (to) {
      await transition(trx, renewalOrderMachine, {
        id: order.id,
        from: "paid",
        to,
        set: { updated_at: iso },
        audit: {
          actor,
          action: to === "refunded" ? "renewal_order.refunded" : "renewal_order.completed",
          data: { orderNo: order.order_no, refundId },
        },
        at,
      });
    }
    return { refundFen: chosen.reduce((sum, i) => sum + i.price_fen, 0), wholeOrder: to === "refunded" };
  }
}

const waitingForUpdate = (item: { status: string }) => item.status === "awaiting_update";
