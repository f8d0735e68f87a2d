import type { DbOrTx } from "../../db/database";
import type { RenewalItemStatus } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Actor } from "../policy/actor";
import { findItem, listChosenPlatformIds, listItemStatusesOfOrder, lockItem, lockOrder } from "./renewals.queries";
import { renewalItemMachine, renewalOrderMachine } from "./renewals.states";
import "./renewals.audit";

export interface RenewalItemRef {
  id: string;
  orderId: string;
  certificateId: string;
  status: RenewalItemStatus;
}

const ref = (row: { id: string; order_id: string; certificate_id: string; status: RenewalItemStatus }) => ({
  id: row.id,
  orderId: row.order_id,
  certificateId: row.certificate_id,
  status: row.status,
});

/** Items that no longer wait for anything: the order is completed when all its items are one of these. */
const SETTLED: readonly RenewalItemStatus[] = ["completed", "refunded", "cancelled"];

/**
 * What a key update does to the paid item it executes (J6), inside the key update's transaction: the item is
 * updating while its key update runs (it cannot be refunded then), back to awaiting its update when the update
 * breaks off before the CA issued, completed at the confirmation — and the order with it once every item is.
 */
export class ItemFulfilment {
  constructor(private readonly database: UnitOfWork) {}

  /** RENEWAL_ITEM_NOT_FOUND for an unknown id. */
  async find(itemId: string): Promise<RenewalItemRef> {
    const row = await findItem(this.database.db, itemId);
    if (!row) throw new AppError("RENEWAL_ITEM_NOT_FOUND");
    return ref(row);
  }

  /** The item under its row lock until the caller's transaction ends. */
  async lock(trx: DbOrTx, itemId: string, at: Date): Promise<RenewalItemRef> {
    const row = await lockItem(trx, itemId, at.toISOString());
    if (!row) throw new AppError("RENEWAL_ITEM_NOT_FOUND");
    return ref(row);
  }

  /** awaiting_update → updating (already updating: nothing to do). */
  async startUpdate(trx: DbOrTx, item: RenewalItemRef, actor: Actor, at: Date): Promise<void> {
    if (item.status === "updating") return;
    if (item.status !== "awaiting_update") throw new AppError("KEY_UPDATE_NOT_AWAITING");
    await transition(trx, renewalItemMachine, {
      id: item.id,
      from: "awaiting_update",
      to: "updating",
      set: { updated_at: at.toISOString() },
      audit: { actor, action: "renewal_item.update_started", data: { orderId: item.orderId } },
      at,
    });
  }

  /** updating → awaiting_update: the update broke off before the CA issued; paid once, it can start again. */
  async breakOff(trx: DbOrTx, itemId: string, actor: Actor, at: Date, reason: string): Promise<void> {
    const item = await this.lock(trx, itemId, at);
    if (item.status !== "updating") return;
    await transition(trx, renewalItemMachine, {
      id: item.id,
      from: "updating",
      to: "awaiting_update",
      set: { updated_at: at.toISOString() },
      audit: { actor, action: "renewal_item.update_broken_off", data: { orderId: item.orderId, reason } },
      at,
    });
  }

  /** The platforms chosen for the renewed certificate in the order (ids). */
  chosenPlatformIds(db: DbOrTx, itemId: string): Promise<string[]> {
    return listChosenPlatformIds(db, itemId);
  }

  /** updating → completed; the order paid → completed when this was its last item still waiting. */
  async complete(trx: DbOrTx, item: RenewalItemRef, actor: Actor, at: Date): Promise<{ orderCompleted: boolean }> {
    const iso = at.toISOString();
    // The order's lock orders two items' confirmations: the later one sees the earlier one completed. It is
    // taken before the item changes again: on PostgreSQL a second update of a row in one transaction checks
    // its foreign key, which share-locks the order, and two confirmations each holding that share and then
    // asking for the order's lock deadlock.
    const order = await lockOrder(trx, item.orderId, this.database.kind);
    if (!order) throw new AppError("ORDER_NOT_FOUND");
    await transition(trx, renewalItemMachine, {
      id: item.id,
      from: "updating",
      to: "completed",
      set: { updated_at: iso },
      audit: { actor, action: "renewal_item.completed", data: { orderId: item.orderId } },
      at,
    });
    if (order.status !== "paid") return { orderCompleted: false };
    const items = await listItemStatusesOfOrder(trx, item.orderId);
    if (!items.every((i) => SETTLED.includes(i.status))) return { orderCompleted: false };
    await transition(trx, renewalOrderMachine, {
      id: order.id,
      from: "paid",
      to: "completed",
      set: { updated_at: iso },
      audit: { actor, action: "renewal_order.completed", data: { orderNo: order.order_no } },
      at,
    });
    return { orderCompleted: true };
  }
}
