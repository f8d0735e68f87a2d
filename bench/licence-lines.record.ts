import { writeFileSync } from "node:fs";
import { type LicenceKind, licenceCorpus } from "@lnca/licence-corpus";
import { prepareLicenceImage } from "../apps/server/src/adapters/recognition/licence-image";
import { readLicence } from "../apps/server/src/adapters/recognition/licence-reading";
import { PaddleEngine } from "../apps/server/src/adapters/recognition/paddle-engine";

/**
 * Records each licence's boxes after the whole reading (closer looks included) with their truth, for
 * `licence-lines.replay.ts` to run the field extraction on them in a second instead of reading again:
 * `tsx bench/licence-lines.record.ts <kind> <count> <firstSeed> <file.json>`.
 */
const [kind = "hard", count = "20", first = "1000", file = `licence-lines-${kind}-${first}.json`] =
  process.argv.slice(2);
const engine = await PaddleEngine.load();
const recorded = [];
for (const licence of licenceCorpus(Number(count), kind as LicenceKind, Number(first))) {
  const lines = await readLicence(engine, await prepareLicenceImage(licence.bytes));
  recorded.push({ seed: licence.seed, truth: licence.truth, lines });
}
writeFileSync(file, JSON.stringify(recorded));
console.info(`${recorded.length} licences recorded in ${file}`);
