/**
 * The recognition process: loads the models once (on the first licence, or on a warm-up), then reads licences one
 * at a time, so the server's event loop never runs the OCR. A process of its own, not a worker thread: a licence
 * that runs out of time is ended by killing it, and native code (onnxruntime) stopped mid-run can take down the
 * process it runs in — that must never be the server.
 */
import { prepareLicenceImage } from "./licence-image";
import { readLicence } from "./licence-reading";
import type { OcrLine } from "./ocr-line";
import { PaddleEngine } from "./paddle-engine";

export type WorkerRequest = { id: number; kind: "warm" } | { id: number; kind: "read"; image: Uint8Array };
export type WorkerReply = { id: number; lines: OcrLine[] } | { id: number; error: string };

let engine: Promise<PaddleEngine> | undefined;

const reply = (message: WorkerReply) => process.send?.(message);

process.on("message", async (request: WorkerRequest) => {
  try {
    engine ??= PaddleEngine.load();
    const loaded = await engine;
    const lines = request.kind === "read" ? await readLicence(loaded, await prepareLicenceImage(request.image)) : [];
    reply({ id: request.id, lines });
  } catch (error) {
    reply({ id: request.id, error: String(error) });
  }
});

// The server went away (its IPC channel closed): nothing more to read.
process.on("disconnect", () => process.exit(0));
