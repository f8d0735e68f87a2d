import type { Sheet } from "./licence-image";
import { extractLicenceFields, isPlausible, type Region, valueRegion } from "./licence-layout";
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

const inside = (line: OcrLine, [left, top, right, bottom]: Region) => {
  const cx = line.box.reduce((sum, [x]) => sum + x, 0) / line.box.length;
  const cy = line.box.reduce((sum, [, y]) => sum + y, 0) / line.box.length;
  return cx >= left && cx <= right && cy >= top && cy <= bottom;
};

/**
 * Reads a straightened licence: its boxes, then, for each field whose value is missing or does not look like
 * one (a capital out of order, an address without its numbers …), a second, closer look at the field's label and
 * value. The closer reading replaces the boxes of that region only when it makes the field plausible and
 * leaves the others so.
 */
export async function readLicence(engine: PaddleEngine, sheet: Sheet): Promise<OcrLine[]> {
  let lines = await engine.read(sheet);
  let fields = extractLicenceFields(lines);
  for (const field of FIELDS) {
    if (isPlausible(field, fields[field])) continue;
    const region = valueRegion(field, lines);
    if (!region) continue;
    const closer = await engine.readRegion(sheet, region);
    const candidate = [...lines.filter((line) => !inside(line, region)), ...closer];
    const read = extractLicenceFields(candidate);
    // Kept only when it makes this field plausible and no other one less so (the region may hold a neighbour).
    const worse = FIELDS.some((other) => isPlausible(other, fields[other]) && !isPlausible(other, read[other]));
    if (!isPlausible(field, read[field]) || worse) continue;
    lines = candidate;
    fields = read;
  }
  return lines;
}
