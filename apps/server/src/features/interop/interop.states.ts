import { defineMachine } from "../../kernel/machine";

/**
 * A webhook sent to one platform: pending until the first attempt; delivered on a 2xx; failed after an attempt
 * that was not acknowledged (retried by its outbox job with backoff); abandoned when the retries ran out. An
 * operator's 【重新投递】 puts a delivered or abandoned one back to pending with a new job.
 */
export const webhookDeliveryMachine = defineMachine({
  table: "webhook_deliveries",
  entity: "webhook_delivery",
  initial: ["pending"],
  terminal: [],
  transitions: {
    pending: ["delivered", "failed", "abandoned"],
    failed: ["delivered", "failed", "abandoned"],
    delivered: ["pending"],
    abandoned: ["pending"],
  },
});
