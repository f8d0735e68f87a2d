import { defineMachine } from "../../kernel/machine";

/**
 * pending → running (claimed) → done, or back to pending for a retry with backoff, or dead after the last
 * attempt. A running job whose lease ran out (its worker died) is claimed again: running → running. A dead
 * job can be put back to pending by hand.
 */
export const outboxJobMachine = defineMachine({
  table: "outbox_jobs",
  entity: "outbox_job",
  initial: ["pending"],
  terminal: ["done"],
  transitions: {
    pending: ["running"],
    running: ["done", "pending", "dead", "running"],
    done: [],
    dead: ["pending"],
  },
});
