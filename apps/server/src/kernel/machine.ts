import type { Database } from "../db/schema";
import type { TransitionTable } from "../shared/state-machine";

/** The tables whose rows have an id and a status: the rows a state machine can move. */
export type StatusTable = {
  [T in keyof Database]: Database[T] extends { id: string; status: string } ? T : never;
}[keyof Database];

export type StatusOf<T extends StatusTable> = Database[T]["status"];

/**
 * One state machine: where its rows live, what the audit log calls them, and its transition table. `initial`
 * are the states a row is inserted in, `terminal` the states it never leaves; a test holds every machine to
 * them (all states reachable from `initial`, no move out of `terminal`, no other state without a move out).
 */
export interface Machine<T extends StatusTable> {
  table: T;
  entity: string;
  initial: readonly StatusOf<T>[];
  terminal: readonly StatusOf<T>[];
  transitions: TransitionTable<StatusOf<T>>;
}

/** Declares a machine (the identity function, for the inference of `T` from `table`). */
export function defineMachine<T extends StatusTable>(machine: Machine<T>): Machine<T> {
  return machine;
}
