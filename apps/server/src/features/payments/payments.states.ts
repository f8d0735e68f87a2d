import { defineMachine } from "../../kernel/machine";

/**
 * A payment of an order through Alipay or WeChat Pay (J5): created when the cashier opens, paid on the
 * provider's signed notification, closed when the order expires or another payment won (and paid after all
 * when the payer was faster than the close), failed when the provider refuses it. A refund moves a paid payment to refunding, then refunded, or back to paid when the provider refuses.
 */
export const paymentMachine = defineMachine({
  table: "payments",
  entity: "payment",
  initial: ["created"],
  terminal: ["failed", "refunded"],
  transitions: {
    created: ["paid", "closed", "failed"],
    paid: ["refunding"],
    refunding: ["refunded", "paid"],
    // Closing raced the payer: the provider reports the money arrived after all; it is recorded (and refunded).
    closed: ["paid"],
    failed: [],
    refunded: [],
  },
});

/**
 * A refund of a paid payment (whole order or some items), asked of the provider: it succeeds, or fails and the
 * payment goes back to paid for the operator to try again.
 */
export const refundMachine = defineMachine({
  table: "refunds",
  entity: "refund",
  initial: ["requested"],
  terminal: ["succeeded", "failed"],
  transitions: {
    requested: ["succeeded", "failed"],
    succeeded: [],
    failed: [],
  },
});
