import { defineMachine } from "../../kernel/machine";

/**
 * A renewal order (J5): waits for its payment until it expires or is cancelled; once paid, it completes when
 * every item is updated on its key, or is refunded (by the operator, before the keys are updated).
 */
export const renewalOrderMachine = defineMachine({
  table: "renewal_orders",
  entity: "renewal_order",
  initial: ["pending_payment"],
  terminal: ["completed", "cancelled", "expired", "refunded"],
  transitions: {
    pending_payment: ["paid", "cancelled", "expired"],
    paid: ["completed", "refunded"],
    completed: [],
    cancelled: [],
    expired: [],
    refunded: [],
  },
});

/**
 * One certificate of an order (J5, J6). Paid, it waits for its holder's key update; an update that breaks off
 * mid-way puts it back to awaiting_update so it can be resumed, paid once. An unpaid order's items are
 * cancelled with it (cancelled or expired); a refunded order's items not yet updated are refunded.
 */
export const renewalItemMachine = defineMachine({
  table: "renewal_items",
  entity: "renewal_item",
  initial: ["awaiting_payment"],
  terminal: ["completed", "cancelled", "refunded"],
  transitions: {
    awaiting_payment: ["awaiting_update", "cancelled"],
    awaiting_update: ["updating", "refunded"],
    updating: ["completed", "awaiting_update"],
    completed: [],
    cancelled: [],
    refunded: [],
  },
});
