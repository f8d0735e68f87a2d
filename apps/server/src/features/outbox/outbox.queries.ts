import { sql } from "kysely";
import type { DatabaseKind, DbOrTx } from "../../db/database";
import type { OutboxJobsTable } from "../../db/schema";

export type NewOutboxJob = Pick<OutboxJobsTable, "id" | "kind" | "payload" | "run_at" | "dedupe_key"> & {
  created_at: string;
  max_attempts?: number;
};

export async function insertJob(db: DbOrTx, job: NewOutboxJob): Promise<void> {
  await db
    .insertInto("outbox_jobs")
    .values({ ...job, status: "pending", updated_at: job.created_at })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/**
 * Claims due jobs: pending ones whose time has come, and running ones whose lease expired. On PostgreSQL
 * the candidate rows are locked with FOR UPDATE SKIP LOCKED so several server processes never take the
 * same job; SQLite has a single writer, so the same statement is already exclusive there. The one status write
 * outside kernel/transition.ts: a claim moves many rows at once (pending → running, and running → running when a
 * lease ran out), moves the outbox machine allows; a job then leaves running through the transition step.
 */
export async function claimDueJobs(
  db: DbOrTx,
  kind: DatabaseKind,
  opts: { now: string; leaseUntil: string; workerId: string; limit: number },
) {
  let candidates = db
    .selectFrom("outbox_jobs")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("run_at", "<=", opts.now)]),
        eb.and([eb("status", "=", "running"), eb("locked_until", "<", opts.now)]),
      ]),
    )
    .orderBy("run_at")
    .limit(opts.limit);
  if (kind === "postgres") candidates = candidates.forUpdate().skipLocked();
  return db
    .updateTable("outbox_jobs")
    .set({
      status: "running",
      locked_until: opts.leaseUntil,
      locked_by: opts.workerId,
      attempts: sql`attempts + 1`,
      updated_at: opts.now,
    })
    .where("id", "in", candidates)
    .returningAll()
    .execute();
}
