/**
 * The recognition process: loads the models and the lexicon once (on the first licence, or on a warm-up), then
 * reads licences one at a time and extracts their fields, so the server's event loop never runs the OCR nor loads
 * the lexicon (half a second). A process of its own, not a worker thread: a licence
 * that runs out of time is ended by killing it, and native code (onnxruntime) stopped mid-run can take down the
 * process it runs in — that must never be the server.
 */
import { chineseLexicon } from "./chinese-lexicon";
import { prepareLicenceImage } from "./licence-image";
import { extractLicenceFields } from "./licence-layout";
import { readLicence } from "./licence-reading";
import type { LicenceFields } from "./licence-recognizer";
import { PaddleEngine } from "./paddle-engine";

export type WorkerRequest = { id: number; kind: "warm" } | { id: number; kind: "read"; image: Uint8Array };
/** A licence's fields, or every field null for a warm-up. */
export type WorkerReply = { id: number; fields: LicenceFields } | { id: number; error: string };

let engine: Promise<PaddleEngine> | undefined;

const reply = (message: WorkerReply) => process.send?.(message);

process.on("message", async (request: WorkerRequest) => {
  try {
    engine ??= PaddleEngine.load();
    const loaded = await engine;
    if (request.kind === "warm") chineseLexicon();
    const lines = request.kind === "read" ? await readLicence(loaded, await prepareLicenceImage(request.image)) : [];
    reply({ id: request.id, fields: extractLicenceFields(lines) });
  } catch (error) {
    reply({ id: request.id, error: String(error) });
  }
});

// The server went away (its IPC channel closed): nothing more to read.
process.on("disconnect", () => process.exit(0));
