import type { Logger } from "pino";
import type { DatabaseHandle } from "../../db/database";
import { newId } from "../../shared/ids";
import { assertTransition } from "../../shared/state-machine";
import { claimDueJobs, finishJob } from "./outbox.queries";
import { outboxJobTransitions } from "./outbox.states";

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

const LEASE_MS = 60_000;

/** Retry after 5 s, 10 s, 20 s … capped at 1 h: providers' own retry windows are about a day. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * Runs outbox jobs. Any number of processes may run one; each claims its own jobs (see claimDueJobs).
 * Handlers must be idempotent: a job can run again after a crash between its effect and `done`.
 */
export class OutboxWorker {
  private readonly workerId = newId();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly database: Pick<DatabaseHandle, "db" | "kind">,
    private readonly handlers: Record<string, JobHandler>,
    private readonly logger: Logger,
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Claims and runs the due jobs once; returns how many ran. Tests call it directly. */
  runOnce(): Promise<number> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<number> {
    const now = new Date();
    const jobs = await claimDueJobs(this.database.db, this.database.kind, {
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
      workerId: this.workerId,
      limit: 20,
    });
    for (const job of jobs) {
      const handler = this.handlers[job.kind];
      const finishedAt = () => new Date().toISOString();
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(JSON.parse(job.payload) as Record<string, unknown>);
        assertTransition(outboxJobTransitions, "outbox job", job.status, "done");
        await finishJob(this.database.db, job.id, this.workerId, {
          status: "done",
          last_error: null,
          updated_at: finishedAt(),
        });
      } catch (error) {
        const dead = job.attempts >= job.max_attempts;
        assertTransition(outboxJobTransitions, "outbox job", job.status, dead ? "dead" : "pending");
        this.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: error }, "outbox job failed");
        await finishJob(this.database.db, job.id, this.workerId, {
          status: dead ? "dead" : "pending",
          last_error: String(error instanceof Error ? error.message : error).slice(0, 2000),
          run_at: new Date(Date.now() + backoffMs(job.attempts)).toISOString(),
          updated_at: finishedAt(),
        });
      }
    }
    return jobs.length;
  }
}
