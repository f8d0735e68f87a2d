import { caLoginBench } from "./ca-login.bench";
import { catalogBench } from "./catalog.bench";
import { licenceRecognitionBench } from "./licence-recognition.bench";
import { registryImportBench } from "./registry-import.bench";
import type { BenchResult } from "./support";

/** `npm run bench`: each benchmark reports a ratio measured within this one run (machines here are noisy). */
const results: BenchResult[] = [];
for (const bench of [catalogBench, caLoginBench, registryImportBench, licenceRecognitionBench]) {
  results.push(...[await bench()].flat());
}

for (const r of results) {
  const verdict =
    r.target === undefined
      ? ""
      : r.ratio >= r.target
        ? `  ✓ 目标 ≥ ${r.target * 100}%`
        : `  ✗ 目标 ≥ ${r.target * 100}%`;
  console.info(`${r.name}: ${(r.ratio * 100).toFixed(1)}%${verdict}\n  ${r.detail}`);
}
if (results.some((r) => r.target !== undefined && r.ratio < r.target)) process.exitCode = 1;
