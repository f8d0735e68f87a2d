import { fieldsRight, type LicenceKind, licenceCorpus } from "@lnca/licence-corpus";
import { afterAll, describe, expect, it } from "vitest";
import { PaddleLicenceRecognizer } from "./paddle-recognizer";

// The real models in a recognition process on generated licences; `npm run bench` runs a larger corpus.
const recognizer = new PaddleLicenceRecognizer({ workers: 1, timeoutMs: 120_000, maxQueue: 4 });
afterAll(() => recognizer.close());

async function accuracy(kind: LicenceKind, count: number): Promise<number> {
  let right = 0;
  let total = 0;
  for (const licence of licenceCorpus(count, kind, 101)) {
    const scores = Object.values(fieldsRight(licence.truth, await recognizer.recognise(licence.bytes)));
    right += scores.filter(Boolean).length;
    total += scores.length;
  }
  return right / total;
}

describe("PaddleOCR licence recognizer", () => {
  it("keeps the event loop answering while it reads a licence", async () => {
    const [licence] = licenceCorpus(1, "clean", 100);
    let worst = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 10);
      last = now;
    }, 10);
    const fields = await recognizer.recognise(licence?.bytes ?? new Uint8Array());
    clearInterval(ticker);
    expect(fields.uscc).toBe(licence?.truth.uscc);
    // Reading takes seconds; on the event loop it would hold a 10 ms timer back that long.
    expect(worst).toBeLessThan(250);
  }, 180_000);

  it("reads ≥ 95 % of the fields of clean scans exactly right", async () => {
    expect(await accuracy("clean", 4)).toBeGreaterThanOrEqual(0.95);
  }, 240_000);

  it("reads most fields of hard photos (measured floor; the 95 % target is on both kinds together, docs/LICENCE-RECOGNITION.md)", async () => {
    // Measured: 26 of these 28 fields (seeds 101…104; the street of two addresses missed: 新 → 科, 士 → 土).
    expect(await accuracy("hard", 4)).toBeGreaterThanOrEqual(26 / 28);
  }, 240_000);

  it("gives up a licence not read within its timeout (a coded 503 for the route)", async () => {
    const hasty = new PaddleLicenceRecognizer({ workers: 1, timeoutMs: 1000, maxQueue: 1 });
    const [licence] = licenceCorpus(1, "clean", 100);
    await expect(hasty.recognise(licence?.bytes ?? new Uint8Array())).rejects.toThrow(/no answer within 1000 ms/);
    await hasty.close();
  });
});
