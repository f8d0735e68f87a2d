import type { DbOrTx } from "../../db/database";
import { newId } from "../../shared/ids";
import { insertJob } from "./outbox.queries";

/**
 * Every outbox job kind and its payload. A feature declares its own kinds by declaration merging from its
 * own files (`declare module "../outbox/outbox" { interface OutboxJobs { "sms.send": { messageId: string } } }`);
 * the composition root then must give the worker a handler for each (`JobHandlers`), or it does not compile.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one feature at a time.
export interface OutboxJobs {}

export type JobKind = keyof OutboxJobs & string;

/** Runs one job after commit; must be idempotent (a job can run again after a crash before `done`). */
export type JobHandler<P> = (payload: P) => Promise<void>;

/** A handler for each job kind of a jobs map; the app's is `JobHandlers`. */
export type JobHandlersOf<J> = { [K in keyof J]: JobHandler<J[K]> };

/** The worker's handler map: one handler for every declared job kind, each typed by its payload. */
export type JobHandlers = JobHandlersOf<OutboxJobs>;

export interface EnqueueOptions {
  dedupeKey?: string;
  runAt?: Date;
  now?: Date;
  /** Attempts before the job is dead (the table's default, 10, when absent). */
  maxAttempts?: number;
}

/** A job to enqueue with a change (see kernel/transition.ts), typed by its kind. */
export type JobRequest = {
  [K in JobKind]: { kind: K; payload: OutboxJobs[K] } & Omit<EnqueueOptions, "now" | "maxAttempts">;
}[JobKind];

/**
 * Enqueues a side effect inside the caller's transaction: it runs only if the change commits, and a worker
 * runs it after commit. A dedupe key makes enqueueing idempotent. `J` is the jobs map, the app's by default.
 */
export async function enqueueJob<J = OutboxJobs, K extends keyof J & string = keyof J & string>(
  trx: DbOrTx,
  kind: K,
  payload: J[K],
  opts: EnqueueOptions = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  await insertJob(trx, {
    id: newId(),
    kind,
    payload: JSON.stringify(payload),
    run_at: (opts.runAt ?? now).toISOString(),
    dedupe_key: opts.dedupeKey ?? null,
    created_at: now.toISOString(),
    ...(opts.maxAttempts ? { max_attempts: opts.maxAttempts } : {}),
  });
}
