import type { OutboxJobStatus } from "../../db/schema";
import type { TransitionTable } from "../../shared/state-machine";

/**
 * pending → running (claimed) → done, or back to pending for a retry with backoff, or dead after the last
 * attempt. A running job whose lease ran out (its worker died) is claimed again: running → running.
 */
export const outboxJobTransitions: TransitionTable<OutboxJobStatus> = {
  pending: ["running"],
  running: ["done", "pending", "dead", "running"],
  done: [],
  dead: ["pending"],
};
