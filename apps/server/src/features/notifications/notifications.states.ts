import { defineMachine } from "../../kernel/machine";

/**
 * A queued SMS: sent once the provider took it, failed when it refused; the outbox job retries a failed one
 * (failed → sent, or failed again) until the job itself gives up.
 */
export const smsMessageMachine = defineMachine({
  table: "sms_messages",
  entity: "sms_message",
  initial: ["pending"],
  terminal: ["sent"],
  transitions: {
    pending: ["sent", "failed"],
    failed: ["sent", "failed"],
    sent: [],
  },
});

/**
 * A queued e-mail (invoices): sent once the mailer took it, failed when it refused; the outbox job retries a
 * failed one until the job itself gives up.
 */
export const emailMessageMachine = defineMachine({
  table: "email_messages",
  entity: "email_message",
  initial: ["pending"],
  terminal: ["sent"],
  transitions: {
    pending: ["sent", "failed"],
    failed: ["sent", "failed"],
    sent: [],
  },
});
