import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export interface WalCheckpointerOptions {
  /** A PASSIVE checkpoint at least this often while the WAL has frames to copy. */
  intervalMs?: number;
  /** How often the WAL file's size is looked at between checkpoints. */
  pollMs?: number;
  /** Checkpoint early once the WAL file has grown this much since the last checkpoint. */
  growthBytes?: number;
  /** Told when the worker fails; the handle then turns SQLite's own auto-checkpoint back on. */
  onError?: (err: Error) => void;
}

export interface CheckpointReport {
  /** SQLite's wal_checkpoint row: 1 when it could not finish, frames in the WAL, frames copied. */
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Worker code (CommonJS, run with `eval`, so it needs no loader for TypeScript): its own better-sqlite3
 * connection to the same file, running `PRAGMA wal_checkpoint(PASSIVE)` on a timer or when the WAL grew.
 * Only PASSIVE: it never takes the writer lock, so it never waits for nor blocks the serving connection. The
 * other modes (FULL, RESTART, TRUNCATE) hold the writer lock, and a transaction that has read and then writes
 * gets SQLITE_BUSY at once (no busy handler) when another connection holds it. The WAL file's size is bounded
 * by `journal_size_limit` on the serving connection instead (see database.ts).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const Database = require(workerData.driver);
const { file, intervalMs, pollMs, growthBytes } = workerData;
const db = new Database(file, { fileMustExist: true });
db.pragma("busy_timeout = 0");
db.pragma("synchronous = NORMAL");
db.pragma("wal_autocheckpoint = 0");
const walSize = () => { try { return fs.statSync(file + "-wal").size; } catch { return 0; } };
let lastAt = Date.now();
let sizeAtLast = walSize();
function checkpoint() {
  const row = db.pragma("wal_checkpoint(PASSIVE)")[0];
  const report = { busy: row.busy, log: row.log, checkpointed: row.checkpointed };
  lastAt = Date.now();
  sizeAtLast = walSize();
  return report;
}
const timer = setInterval(() => {
  try {
    if (Date.now() - lastAt >= intervalMs || walSize() >= sizeAtLast + growthBytes) checkpoint();
  } catch (err) {
    parentPort.postMessage({ type: "error", message: String(err && err.message || err) });
  }
}, pollMs);
parentPort.on("message", (message) => {
  if (message.type === "checkpoint") {
    try {
      parentPort.postMessage({ type: "checkpointed", id: message.id, report: checkpoint() });
    } catch (err) {
      parentPort.postMessage({ type: "checkpointed", id: message.id, error: String(err && err.message || err) });
    }
  } else if (message.type === "stop") {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/**
 * Keeps SQLite WAL checkpoints off the request path. SQLite's auto-checkpoint runs inside the COMMIT that
 * crosses 1000 WAL pages, on the connection that serves requests, and a checkpoint copies pages into the
 * database file and fsyncs both files (> 1 ms): on average ~70 µs of every CA login. This worker thread
 * checkpoints instead, with its own connection; the serving connection's auto-checkpoint is moved out to
 * WAL_RESTART_PAGES (database.ts), where it only copies what the worker has not and lets the WAL start over.
 *
 * Durability is unchanged: commits are made durable exactly as before (WAL, synchronous = NORMAL: the WAL is
 * synced at each checkpoint), and checkpoints now happen at least every second while there is anything to
 * copy — as often as or more often than 1000 pages did. If the worker fails, `onError` is told and the
 * database handle turns the auto-checkpoint back on, so the WAL never grows without bound.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (result: CheckpointReport | Error) => void>();
  private nextId = 0;
  private stopped: Promise<void> | null = null;
  private exited = false;

  constructor(file: string, options: WalCheckpointerOptions = {}) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver,
        file,
        intervalMs: options.intervalMs ?? 1_000,
        pollMs: options.pollMs ?? 100,
        growthBytes: options.growthBytes ?? 4 * 1024 * 1024,
      },
    });
    // Never the reason a process stays up; close() stops it properly.
    this.worker.unref();
    const fail = (err: Error) => {
      for (const settle of this.pending.values()) settle(err);
      this.pending.clear();
      options.onError?.(err);
    };
    this.worker.on("message", (message: WorkerMessage) => {
      if (message.type === "error") fail(new Error(`WAL checkpoint failed: ${message.message}`));
      if (message.type === "checkpointed") {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.error ? new Error(message.error) : (message.report as CheckpointReport));
      }
    });
    this.worker.on("error", fail);
    this.worker.once("exit", () => {
      this.exited = true;
    });
  }

  /** Checkpoints now (in the worker) and reports what SQLite did. */
  checkpoint(): Promise<CheckpointReport> {
    if (this.stopped) return Promise.reject(new Error("WAL checkpointer stopped"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (result) => (result instanceof Error ? reject(result) : resolve(result)));
      this.worker.postMessage({ type: "checkpoint", id });
    });
  }

  /** Stops the timer, closes the worker's connection and waits for the thread to end. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      // Referenced again so the process waits for the thread to end.
      this.worker.ref();
      this.worker.once("exit", () => resolve());
      this.worker.postMessage({ type: "stop" });
    });
    return this.stopped;
  }

  /** The worker thread's id (for tests: it is gone after stop()). */
  get threadId(): number {
    return this.worker.threadId;
  }
}

type WorkerMessage =
  | { type: "error"; message: string }
  | { type: "checkpointed"; id: number; report?: CheckpointReport; error?: string };
