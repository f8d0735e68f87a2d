import { AppError } from "./app-error";

/** A state machine is one transition table: from each state, the states it may move to. */
export type TransitionTable<S extends string> = Record<S, readonly S[]>;

export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

/** Throws a coded conflict when a change is not in the table (the caller's transaction then rolls back). */
export function assertTransition<S extends string>(table: TransitionTable<S>, entity: string, from: S, to: S): void {
  if (!canTransition(table, from, to)) {
    throw new AppError("STATE_CONFLICT", `当前状态（${entity}：${from}）不允许此操作（${to}）`);
  }
}
