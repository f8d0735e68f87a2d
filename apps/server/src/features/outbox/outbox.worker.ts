import type { Logger } from "pino";
import type { DatabaseHandle } from "../../db/database";
import { type TransitionColumns, transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import { newId } from "../../shared/ids";
import type { JobHandler, JobHandlersOf, OutboxJobs } from "./outbox";
import { claimDueJobs } from "./outbox.queries";
import { outboxJobMachine } from "./outbox.states";

const LEASE_MS = 60_000;

type ClaimedJob = Awaited<ReturnType<typeof claimDueJobs>>[number];

/** Retry after 5 s, 10 s, 20 s … capped at 1 h: providers' own retry windows are about a day. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * Runs outbox jobs. Any number of processes may run one; each claims its own jobs (see claimDueJobs).
 * Handlers must be idempotent: a job can run again after a crash between its effect and `done`. `J` is the jobs
 * map whose handlers it is given: the app's (`JobHandlers`), or a test's own.
 */
export class OutboxWorker<J = OutboxJobs> {
  private readonly workerId = newId();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly database: Pick<DatabaseHandle, "db" | "kind">,
    private readonly handlers: JobHandlersOf<J>,
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
      const failure = await this.run(job);
      const updated_at = new Date().toISOString();
      if (!failure) {
        await this.finish(job, "done", { last_error: null, updated_at });
        continue;
      }
      const { error } = failure;
      const dead = job.attempts >= job.max_attempts;
      this.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: error }, "outbox job failed");
      await this.finish(job, dead ? "dead" : "pending", {
        last_error: String(error instanceof Error ? error.message : error).slice(0, 2000),
        run_at: new Date(Date.now() + backoffMs(job.attempts)).toISOString(),
        updated_at,
      });
    }
    return jobs.length;
  }

  private async run(job: ClaimedJob): Promise<{ error: unknown } | null> {
    const handler = (this.handlers as Partial<Record<string, JobHandler<unknown>>>)[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload));
      return null;
    } catch (error) {
      return { error };
    }
  }

  /**
   * Moves a claimed job out of running, only while this worker still holds its lease: a job whose lease ran out
   * and was claimed by another worker is that worker's to finish.
   */
  private async finish(
    job: ClaimedJob,
    to: "done" | "pending" | "dead",
    set: TransitionColumns<"outbox_jobs">,
  ): Promise<void> {
    try {
      await transition(this.database.db, outboxJobMachine, {
        id: job.id,
        from: "running",
        to,
        set: { ...set, locked_until: null, locked_by: null },
        guard: { locked_by: this.workerId },
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === "STATE_CONFLICT")) throw error;
      this.logger.warn(
        { jobId: job.id, kind: job.kind },
        "outbox job was taken over by another worker before it finished",
      );
    }
  }
}
