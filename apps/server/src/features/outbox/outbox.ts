import type { DbOrTx } from "../../db/database";
import { newId } from "../../shared/ids";
import { insertJob } from "./outbox.queries";

/**
 * Enqueues a side effect inside the caller's transaction: it runs only if the change commits, and a worker
 * runs it after commit. A dedupe key makes enqueueing idempotent.
 */
export async function enqueueJob(
  trx: DbOrTx,
  kind: string,
  payload: Record<string, unknown>,
  opts: { dedupeKey?: string; runAt?: Date; now?: Date } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  await insertJob(trx, {
    id: newId(),
    kind,
    payload: JSON.stringify(payload),
    run_at: (opts.runAt ?? now).toISOString(),
    dedupe_key: opts.dedupeKey ?? null,
    created_at: now.toISOString(),
  });
}
