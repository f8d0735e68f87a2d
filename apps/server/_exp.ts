import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fieldsRight, generateLicence, type LicenceKind } from "@lnca/licence-corpus";
import { prepareLicenceImage } from "./src/adapters/recognition/licence-image";
import { extractLicenceFields } from "./src/adapters/recognition/licence-layout";
import { PaddleEngine } from "./src/adapters/recognition/paddle-engine";
const engine = await PaddleEngine.load();
const [kind, from, to] = [process.argv[2] as LicenceKind, Number(process.argv[3]), Number(process.argv[4])];
let right = 0, total = 0, ms = 0;
for (let seed = from; seed <= to; seed++) {
  const f = `/tmp/corpus-${kind}-${seed}`;
  if (!existsSync(f)) { const l = generateLicence({ seed, kind }); writeFileSync(f, l.bytes); writeFileSync(f + ".json", JSON.stringify(l.truth)); }
  const bytes = readFileSync(f); const truth = JSON.parse(readFileSync(f + ".json", "utf8"));
  const t0 = Date.now();
  const lines = await engine.read(await prepareLicenceImage(bytes));
  ms += Date.now() - t0;
  const read = extractLicenceFields(lines);
  const ok = fieldsRight(truth, read);
  const wrong = Object.entries(ok).filter(([, v]) => !v).map(([k]) => k);
  right += 7 - wrong.length; total += 7;
  console.log(seed, wrong.map((k) => `${k}: ${truth[k]} ≠ ${(read as any)[k]}`).join(" | "));
  if (process.env.DUMP) for (const x of lines) console.log("  ", JSON.stringify(x.text), x.box[0]);
}
console.log(kind, right, "/", total, "ms/licence", Math.round(ms / (to - from + 1)));
