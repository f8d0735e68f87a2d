/**
 * The recognition thread: loads the models once (on the first licence, or on a warm-up), then reads licences one
 * at a time, so the server's event loop never runs the OCR.
 */
import { parentPort } from "node:worker_threads";
import { prepareLicenceImage } from "./licence-image";
import type { OcrLine } from "./ocr-line";
import { PaddleEngine } from "./paddle-engine";

export type WorkerRequest = { id: number; kind: "warm" } | { id: number; kind: "read"; image: Uint8Array };
export type WorkerReply = { id: number; lines: OcrLine[] } | { id: number; error: string };

let engine: Promise<PaddleEngine> | undefined;

parentPort?.on("message", async (request: WorkerRequest) => {
  try {
    engine ??= PaddleEngine.load();
    const loaded = await engine;
    const lines = request.kind === "read" ? await loaded.read(await prepareLicenceImage(request.image)) : [];
    parentPort?.postMessage({ id: request.id, lines } satisfies WorkerReply);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: String(error) } satisfies WorkerReply);
  }
});
