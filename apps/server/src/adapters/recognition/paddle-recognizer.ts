import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LicenceFields, LicenceRecognizer } from "./licence-recognizer";
import type { WorkerReply, WorkerRequest } from "./recognition-worker";

export interface RecognitionOptions {
  /** recognition processes, each with its own copy of the models (~0.5–0.9 GB at peak) */
  workers: number;
  /** a licence not read within this time is given up, and its process killed and restarted */
  timeoutMs: number;
  /** licences waiting for a thread beyond this are refused at once */
  maxQueue: number;
}

/** Why a licence could not be read: the caller answers LICENCE_RECOGNITION_UNAVAILABLE. */
export class RecognitionUnavailable extends Error {}

interface Job {
  request: WorkerRequest;
  resolve(fields: LicenceFields): void;
  reject(error: Error): void;
}

interface Slot {
  worker: ChildProcess | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * PaddleOCR PP-OCRv4 in child processes (docs/LICENCE-RECOGNITION.md). They start on first use; at most
 * `workers` licences are read at once, the rest wait in a bounded queue; each read has a timeout.
 */
export class PaddleLicenceRecognizer implements LicenceRecognizer {
  readonly name = "paddleocr-ppocrv4";
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly options: RecognitionOptions) {
    this.slots = Array.from({ length: Math.max(1, options.workers) }, () => ({ worker: null, job: null, timer: null }));
  }

  recognise(image: Uint8Array): Promise<LicenceFields> {
    return this.submit({ id: this.nextId++, kind: "read", image });
  }

  /** Loads the models and the lexicon in every process ahead of the first licence (otherwise it pays for them). */
  async warmUp(): Promise<void> {
    await Promise.all(this.slots.map(() => this.submit({ id: this.nextId++, kind: "warm" })));
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new RecognitionUnavailable("closed"));
    await Promise.all(this.slots.map((slot) => this.stop(slot, new RecognitionUnavailable("closed"))));
  }

  private submit(request: WorkerRequest): Promise<LicenceFields> {
    return new Promise((resolve, reject) => {
      if (this.queue.length >= this.options.maxQueue) {
        reject(new RecognitionUnavailable("queue full"));
        return;
      }
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker ??= this.spawn(slot);
      slot.timer = setTimeout(() => {
        void this.stop(slot, new RecognitionUnavailable(`no answer within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      slot.worker.send(job.request);
    }
  }

  private spawn(slot: Slot): ChildProcess {
    const entry = fileURLToPath(new URL("./recognition-worker-entry.mjs", import.meta.url));
    // "advanced" serialisation carries the image bytes as they are; the child never keeps the server alive.
    const worker = fork(entry, [], {
      execArgv: [],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    worker.unref();
    worker.channel?.unref();
    worker.on("message", (reply: WorkerReply) => {
      const job = slot.job;
      if (slot.worker !== worker || !job || job.request.id !== reply.id) return;
      this.finish(slot);
      if ("error" in reply) job.reject(new RecognitionUnavailable(reply.error));
      else job.resolve(reply.fields);
      this.dispatch();
    });
    const lost = (why: string) => {
      if (slot.worker === worker) void this.stop(slot, new RecognitionUnavailable(why));
    };
    worker.on("error", (error) => lost(String(error)));
    worker.on("exit", (code, signal) => lost(`recognition process ended (${signal ?? code})`));
    return worker;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Ends a thread (stuck, failed or closing) and fails its licence; the next licence starts a new one. */
  private async stop(slot: Slot, reason: Error): Promise<void> {
    const { worker, job } = slot;
    slot.worker = null;
    this.finish(slot);
    job?.reject(reason);
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      // Held while it ends: an unreferenced child would let a script's event loop empty before "exit" arrives.
      worker.ref();
      worker.kill("SIGKILL");
      await exited;
    }
    this.dispatch();
  }
}
