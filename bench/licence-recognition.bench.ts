import { fieldsRight, LICENCE_FIELDS, type LicenceKind, licenceCorpus } from "@lnca/licence-corpus";
import { PaddleLicenceRecognizer } from "../apps/server/src/adapters/recognition/paddle-recognizer";
import type { BenchResult } from "./support";

const PER_KIND = 40;
const TARGET_SECONDS = 2;

/**
 * 营业执照识别 on generated licences (40 clean scans, 40 hard photos, seeds 1000…1039): the share of fields read exactly right on
 * the corpus of both kinds against the 95 % target, the same per kind and per field, and the time per
 * licence against the 2 s target, through the server's own recognition process (models loaded before timing
 * starts).
 */
export async function licenceRecognitionBench(): Promise<BenchResult[]> {
  const recognizer = new PaddleLicenceRecognizer({ workers: 1, timeoutMs: 120_000, maxQueue: 4 });
  try {
    await recognizer.warmUp();
    const results: BenchResult[] = [];
    const times: number[] = [];
    let corpusRight = 0;
    for (const kind of ["clean", "hard"] as LicenceKind[]) {
      const right = Object.fromEntries(LICENCE_FIELDS.map((f) => [f, 0])) as Record<
        (typeof LICENCE_FIELDS)[number],
        number
      >;
      for (const licence of licenceCorpus(PER_KIND, kind, 1000)) {
        const started = performance.now();
        const read = await recognizer.recognise(licence.bytes);
        times.push(performance.now() - started);
        const scores = fieldsRight(licence.truth, read);
        for (const field of LICENCE_FIELDS) if (scores[field]) right[field]++;
      }
      const total = Object.values(right).reduce((a, b) => a + b, 0);
      corpusRight += total;
      results.push({
        name: `其中${kind === "clean" ? "清晰扫描件" : "拍摄件（透视、印章、底纹、噪声）"}（${PER_KIND} 张）`,
        ratio: total / (PER_KIND * LICENCE_FIELDS.length),
        detail: LICENCE_FIELDS.map((f) => `${f} ${right[f]}/${PER_KIND}`).join(", "),
      });
    }
    const fields = 2 * PER_KIND * LICENCE_FIELDS.length;
    results.unshift({
      name: `营业执照识别准确率（两类合计，${2 * PER_KIND} 张）`,
      ratio: corpusRight / fields,
      target: 0.95,
      detail: `${corpusRight}/${fields} fields exactly right`,
    });
    const mean = times.reduce((a, b) => a + b, 0) / times.length / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    results.push({
      name: "营业执照识别速度（2 s 目标 / 每张用时）",
      ratio: TARGET_SECONDS / mean,
      target: 1,
      detail: `mean ${mean.toFixed(2)} s, median ${((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000).toFixed(2)} s, max ${((sorted.at(-1) ?? 0) / 1000).toFixed(2)} s per licence, 1 recognition process`,
    });
    return results;
  } finally {
    await recognizer.close();
  }
}
