import { fieldsRight, LICENCE_FIELDS, type LicenceKind, licenceCorpus } from "@lnca/licence-corpus";
import { prepareLicenceImage } from "../apps/server/src/adapters/recognition/licence-image";
import { extractLicenceFields } from "../apps/server/src/adapters/recognition/licence-layout";
import { readLicence } from "../apps/server/src/adapters/recognition/licence-reading";
import { PaddleEngine } from "../apps/server/src/adapters/recognition/paddle-engine";

/**
 * Field-by-field probe of the recognition pipeline in this process (no recognition process): which fields of which
 * licences are misread, and how. `tsx bench/licence-fields.probe.ts <kind> <count> <firstSeed>`.
 */
const [kind = "hard", count = "20", first = "1000"] = process.argv.slice(2);
const engine = await PaddleEngine.load();
const right = Object.fromEntries(LICENCE_FIELDS.map((f) => [f, 0])) as Record<string, number>;
let time = 0;
const corpus = licenceCorpus(Number(count), kind as LicenceKind, Number(first));
// Processor time (both cores) as well as wall time: the machine is shared, and processor time moves less with its load.
const cpu = process.cpuUsage();
for (const licence of corpus) {
  const started = performance.now();
  const read = extractLicenceFields(await readLicence(engine, await prepareLicenceImage(licence.bytes)));
  time += performance.now() - started;
  const scores = fieldsRight(licence.truth, read);
  for (const field of LICENCE_FIELDS) {
    if (scores[field]) right[field] = (right[field] ?? 0) + 1;
    else console.info(licence.seed, field, JSON.stringify(licence.truth[field]), "→", JSON.stringify(read[field]));
  }
}
const total = Object.values(right).reduce((a, b) => a + b, 0);
console.info(
  kind,
  `${total}/${Number(count) * LICENCE_FIELDS.length}`,
  JSON.stringify(right),
  `${(time / Number(count) / 1000).toFixed(2)} s`,
  `processor ${((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / Number(count) / 1e6).toFixed(2)} s`,
);
