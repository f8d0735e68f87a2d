import { readFileSync } from "node:fs";
import { fieldsRight, LICENCE_FIELDS, type LicenceTruth } from "@lnca/licence-corpus";
import { extractLicenceFields } from "../apps/server/src/adapters/recognition/licence-layout";
import type { OcrLine } from "../apps/server/src/adapters/recognition/ocr-line";

/**
 * The field extraction run on boxes recorded by `licence-lines.record.ts`: every misread field, and the fields
 * right, as the probe prints them. A change to the extraction (vocabularies, the lexicon) is measured in a second;
 * a change that alters which fields are looked at closer is only approximated, and must be confirmed by the probe.
 * `tsx bench/licence-lines.replay.ts <file.json> …`.
 */
interface Recorded {
  seed: number;
  truth: LicenceTruth;
  lines: OcrLine[];
}

for (const file of process.argv.slice(2)) {
  const recorded = JSON.parse(readFileSync(file, "utf8")) as Recorded[];
  const right = Object.fromEntries(LICENCE_FIELDS.map((field) => [field, 0])) as Record<string, number>;
  for (const { seed, truth, lines } of recorded) {
    const read = extractLicenceFields(lines);
    const scores = fieldsRight(truth, read);
    for (const field of LICENCE_FIELDS) {
      if (scores[field]) right[field] = (right[field] ?? 0) + 1;
      else console.info(seed, field, JSON.stringify(truth[field]), "→", JSON.stringify(read[field]));
    }
  }
  const total = Object.values(right).reduce((a, b) => a + b, 0);
  console.info(file, `${total}/${recorded.length * LICENCE_FIELDS.length}`, JSON.stringify(right));
}
