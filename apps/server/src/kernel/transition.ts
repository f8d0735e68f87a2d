import type { Selectable, Updateable } from "kysely";
import type { DbOrTx } from "../db/database";
import type { Database } from "../db/schema";
import { type AuditAction, type AuditActions, recordAudit, recordAudits } from "../features/audit/audit";
import { enqueueJob, type JobRequest } from "../features/outbox/outbox";
import type { Actor } from "../features/policy/actor";
import { AppError } from "../shared/app-error";
import { assertTransition } from "../shared/state-machine";
import type { Machine, StatusOf, StatusTable } from "./machine";
import { updateStatusIf } from "./transition.queries";

/** Columns a transition may write along with the status (revoked_at, ended_reason, …). */
export type TransitionColumns<T extends StatusTable> = Omit<Updateable<Database[T]>, "id" | "status">;

export interface TransitionChange<T extends StatusTable, A extends AuditAction> {
  id: string;
  from: StatusOf<T>;
  to: StatusOf<T>;
  set?: TransitionColumns<T>;
  /** Other columns the row must still hold for the change to apply (e.g. an outbox job's lease owner). */
  guard?: Partial<Omit<Selectable<Database[T]>, "id" | "status">>;
  /** The audit row written with the change; its entity is the machine's, this row. */
  audit?: { actor: Actor; action: A; data: AuditActions[A] };
  /** Side effects, run by the outbox worker once the caller's transaction commits. */
  jobs?: readonly JobRequest[];
  /** When the change happens (audit row, jobs); now by default. */
  at?: Date;
}

/**
 * The transition step, the only way a status changes. Inside the caller's transaction: refuses a move the
 * machine's table does not allow, moves the row only if it is still in `from` (a concurrent change that got
 * there first makes this one STATE_CONFLICT, so exactly one wins), then writes the audit row and enqueues the
 * jobs, which therefore commit or roll back with the change.
 */
export async function transition<T extends StatusTable, A extends AuditAction>(
  trx: DbOrTx,
  machine: Machine<T>,
  change: TransitionChange<T, A>,
): Promise<void> {
  assertTransition(machine.transitions, machine.entity, change.from, change.to);
  const moved = await updateStatusIf(trx, machine.table, {
    ids: [change.id],
    from: change.from,
    to: change.to,
    set: change.set ?? {},
    guard: change.guard ?? {},
  });
  if (moved !== 1) {
    throw stateConflict(machine.entity, change.from);
  }
  const at = change.at ?? new Date();
  if (change.audit) {
    const { actor, action, data } = change.audit;
    await recordAudit(trx, actor, action, { kind: machine.entity, id: change.id }, data, at);
  }
  for (const job of change.jobs ?? []) {
    await enqueueJob(trx, job.kind, job.payload, { dedupeKey: job.dedupeKey, runAt: job.runAt, now: at });
  }
}

/**
 * The transition step for many rows of one machine making the same move (an order's items when it is paid,
 * cancelled or refunded): the same checks as `transition`, a few statements instead of two per row. Every row
 * must still be in `from`, or none moves (STATE_CONFLICT rolls the caller's transaction back); one audit row
 * per row.
 */
export async function transitionAll<T extends StatusTable, A extends AuditAction>(
  trx: DbOrTx,
  machine: Machine<T>,
  change: Omit<TransitionChange<T, A>, "id" | "guard" | "jobs"> & { ids: readonly string[] },
): Promise<void> {
  assertTransition(machine.transitions, machine.entity, change.from, change.to);
  const at = change.at ?? new Date();
  for (let start = 0; start < change.ids.length; start += ROWS_PER_STATEMENT) {
    const ids = change.ids.slice(start, start + ROWS_PER_STATEMENT);
    const moved = await updateStatusIf(trx, machine.table, {
      ids,
      from: change.from,
      to: change.to,
      set: change.set ?? {},
      guard: {},
    });
    if (moved !== ids.length) {
      throw stateConflict(machine.entity, change.from);
    }
    if (change.audit) {
      const { actor, action, data } = change.audit;
      await recordAudits(
        trx,
        actor,
        ids.map((id) => ({ action, entity: { kind: machine.entity, id }, data })),
        at,
      );
    }
  }
}

/** Rows per UPDATE … IN (…): well inside SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 1000;

const stateConflict = (entity: string, from: string) =>
  new AppError("STATE_CONFLICT", `状态已被他人变更（${entity}：不再是 ${from}），请刷新后重试`);
