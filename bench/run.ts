import { caLoginBench } from "./ca-login.bench";
import { catalogBench } from "./catalog.bench";
import { keyUpdatesBench } from "./key-updates.bench";
import { licenceRecognitionBench } from "./licence-recognition.bench";
import { paymentNotificationsBench } from "./payment-notifications.bench";
import { registryImportBench } from "./registry-import.bench";
import { renewalOrdersBench } from "./renewal-orders.bench";
import type { BenchResult } from "./support";

const benches = {
  catalog: catalogBench,
  "ca-login": caLoginBench,
  "registry-import": registryImportBench,
  "licence-recognition": licenceRecognitionBench,
  "renewal-orders": renewalOrdersBench,
  "payment-notifications": paymentNotificationsBench,
  "key-updates": keyUpdatesBench,
};

/**
 * `npm run bench [name…]`: each benchmark (all, or those named) reports a ratio measured within this one run
 * (machines here are noisy).
 */
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in benches));
if (unknown.length > 0)
  throw new Error(`unknown bench ${unknown.join(", ")}; known: ${Object.keys(benches).join(", ")}`);
const results: BenchResult[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (chosen.length === 0 || chosen.includes(name)) results.push(...[await bench()].flat());
}

const failed = (r: BenchResult) => (r.target !== undefined && r.ratio < r.target) || r.goal?.met === false;
for (const r of results) {
  const goal = r.goal?.text ?? (r.target === undefined ? undefined : `≥ ${r.target * 100}%`);
  const verdict = goal === undefined ? "" : `  ${failed(r) ? "✗" : "✓"} 目标 ${goal}`;
  const ratio = r.ratioAs === "multiple" ? `${r.ratio.toFixed(1)}×` : `${(r.ratio * 100).toFixed(1)}%`;
  console.info(`${r.name}: ${ratio}${verdict}\n  ${r.detail}`);
}
if (results.some(failed)) process.exitCode = 1;
