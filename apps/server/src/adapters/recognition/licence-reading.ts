import type { Sheet } from "./licence-image";
import { centreInside, extractLicenceFields, isPlausible, type Region, valueRegion } from "./licence-layout";
import type { LicenceFields } from "./licence-recognizer";
import type { OcrLine } from "./ocr-line";
import type { PaddleEngine } from "./paddle-engine";

const FIELDS: (keyof LicenceFields)[] = [
  "uscc",
  "name",
  "legalRepresentative",
  "registeredCapital",
  "address",
  "companyType",
  "establishedOn",
];

/** A plausible address whose every character was read at least this surely is not looked at again. */
const SURE = 0.9;

const inside = (line: OcrLine, region: Region) => centreInside(line.box, region);

/**
 * Reads a straightened licence: its boxes, then, for each field whose value is missing or does not look like
 * one (a capital out of order, an address without its numbers …), a second, closer look at the field's label and
 * value. The closer reading replaces the boxes of that region only when it makes the field plausible and
 * leaves the others so. The address, under the seal, is looked at closer even when plausible (a street or a
 * number misread into another one still looks like an address) when a character of it was read less than
 * surely: that reading is kept when it is as long and surer.
 */
export async function readLicence(engine: PaddleEngine, sheet: Sheet): Promise<OcrLine[]> {
  let lines = await engine.read(sheet);
  let fields = extractLicenceFields(lines);
  for (const field of FIELDS) {
    const plausible = isPlausible(field, fields[field]);
    if (plausible && field !== "address") continue;
    const region = valueRegion(field, lines);
    if (!region) continue;
    const first = lines.filter((line) => inside(line, region));
    if (plausible && first.every((line) => (line.confidence ?? []).every((p) => p >= SURE))) continue;
    const closer = await engine.readRegion(sheet, region);
    const candidate = [...lines.filter((line) => !inside(line, region)), ...closer];
    const read = extractLicenceFields(candidate);
    // Kept only when it makes this field plausible and no other one less so (the region may hold a neighbour).
    const worse = FIELDS.some((other) => isPlausible(other, fields[other]) && !isPlausible(other, read[other]));
    if (!isPlausible(field, read[field]) || worse) continue;
    // A plausible address read again is kept only when read as fully and more surely (a line may be lost again).
    const shorter = (read[field]?.length ?? 0) < (fields[field]?.length ?? 0);
    if (plausible && (shorter || sureness(closer) <= sureness(first))) continue;
    lines = candidate;
    fields = read;
  }
  return lines;
}

/** The mean probability of the characters read in these lines. */
function sureness(lines: OcrLine[]): number {
  const all = lines.flatMap((line) => line.confidence ?? []);
  return all.reduce((a, b) => a + b, 0) / (all.length || 1);
}
