import { drawSheet } from "./document";
import { type LicenceTruth, randomTruth } from "./fields";
import { photograph, scan } from "./photo";
import { seededRandom } from "./random";

export { capitalNumerals, type LicenceTruth } from "./fields";

/**
 * `clean`: a scan in Noto Sans or Noto Serif CJK SC, turned up to ±3°, blurred, JPEG down to quality 60 (or PNG).
 * `hard`: a photo at up to 10° of perspective, a red seal over the 住所 line, a guilloche background, uneven light,
 * noise, 700–1000 px wide at JPEG quality 45–70.
 */
export type LicenceKind = "clean" | "hard";

export interface GeneratedLicence {
  bytes: Uint8Array;
  mime: "image/jpeg" | "image/png";
  /** what the licence says: the fields a recogniser should read */
  truth: LicenceTruth;
  kind: LicenceKind;
  seed: number;
}

export interface LicenceRequest {
  seed: number;
  kind?: LicenceKind;
  /** fields to print instead of the generated ones (an e2e test's or the demo's enterprise) */
  fields?: Partial<LicenceTruth>;
}

/** A synthetic 营业执照 with known content; the same request always gives the same bytes. */
export function generateLicence({ seed, kind = "clean", fields = {} }: LicenceRequest): GeneratedLicence {
  const random = seededRandom(seed);
  const truth = { ...randomTruth(random), ...fields };
  const font = random.next() < 0.5 ? "sans" : "serif";
  const hard = kind === "hard";
  const sheet = drawSheet(truth, random, { font, guilloche: hard, sealOverAddress: hard });
  const image = hard ? photograph(sheet, random) : scan(sheet, random);
  return { ...image, truth, kind, seed };
}

/** `count` licences of one kind, seeds `firstSeed`, `firstSeed + 1`, … (a corpus is the same on every run). */
export function licenceCorpus(count: number, kind: LicenceKind, firstSeed = 1): GeneratedLicence[] {
  return Array.from({ length: count }, (_, i) => generateLicence({ seed: firstSeed + i, kind }));
}

export const LICENCE_FIELDS = [
  "name",
  "uscc",
  "legalRepresentative",
  "registeredCapital",
  "address",
  "companyType",
  "establishedOn",
] as const satisfies readonly (keyof LicenceTruth)[];

/** Which fields a recogniser read exactly right (null or any difference is wrong). */
export function fieldsRight(
  truth: LicenceTruth,
  read: Record<keyof LicenceTruth, string | null>,
): Record<keyof LicenceTruth, boolean> {
  return Object.fromEntries(LICENCE_FIELDS.map((field) => [field, read[field] === truth[field]])) as Record<
    keyof LicenceTruth,
    boolean
  >;
}
