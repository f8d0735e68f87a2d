import { isValidUscc } from "@lnca/contracts";
import { readAddressNumbers } from "./address-numbers";
import { COMMON_SURNAMES } from "./common-surnames";
import { correctCompanyType, isCompanyType } from "./company-types";
import { type Alternatives, editDistance } from "./edit-distance";
import { GIVEN_NAME_CHARACTERS } from "./given-name-characters";
import {
  correctDivision,
  correctPlaceStart,
  matchDivision,
  type Registration,
  registrationDivision,
  startsWithDivision,
} from "./liaoning-divisions";
import type { LicenceFields } from "./licence-recognizer";
import type { OcrLine } from "./ocr-line";
import { chooseWords, hasDoubts, type ReadText } from "./word-choice";

/** A box with its geometry: centre, reading direction (unit vector along its top edge), height. */
interface Placed {
  text: string;
  cx: number;
  cy: number;
  ux: number;
  uy: number;
  height: number;
  halfWidth: number;
  /** per character of `text`: the recogniser's probability for it */
  confidence: number[];
  /** per character of `text`: the recogniser's next likeliest characters there */
  alternatives: Alternatives[];
  /** per character of `text`: the likeliest characters of a weak step before it (one may have been dropped there) */
  missing: Alternatives[];
}

type LabelledField = Exclude<keyof LicenceFields, "uscc">;

const LABELS: Record<LabelledField, string[]> = {
  name: ["名称"],
  companyType: ["类型"],
  legalRepresentative: ["法定代表人", "负责人", "经营者"],
  registeredCapital: ["注册资本"],
  establishedOn: ["成立日期", "注册日期"],
  address: ["住所", "经营场所", "营业场所"],
};
const ALL_LABELS = [...Object.values(LABELS).flat(), "经营范围", "营业期限", "登记机关", "统一社会信用代码"];

// No licence prints an exclamation mark: one is the edge of a neighbouring character caught in a box's margin.
const compact = (text: string) => text.replace(/[\s:：!！]/g, "");

/** The line's text without spaces and colons, and the probabilities and alternatives of the characters that remain. */
function compactReading(line: OcrLine): Value {
  const kept = [...line.text].map((char, i) => ({
    char,
    probability: line.confidence?.[i] ?? 1,
    others: line.alternatives?.[i] ?? [],
    dropped: line.missing?.[i] ?? [],
  }));
  const chars = kept.filter(({ char }) => compact(char));
  return {
    text: chars.map(({ char }) => char).join(""),
    confidence: chars.map(({ probability }) => probability),
    alternatives: chars.map(({ others }) => others),
    missing: chars.map(({ dropped }) => dropped),
  };
}

function place(line: OcrLine): Placed {
  const [p0 = [0, 0], p1 = [0, 0], p2 = [0, 0], p3 = [0, 0]] = line.box;
  const dx = p1[0] - p0[0];
  const dy = p1[1] - p0[1];
  const length = Math.hypot(dx, dy) || 1;
  return {
    ...compactReading(line),
    cx: (p0[0] + p1[0] + p2[0] + p3[0]) / 4,
    cy: (p0[1] + p1[1] + p2[1] + p3[1]) / 4,
    ux: dx / length,
    uy: dy / length,
    height: Math.max(1, (Math.hypot(p3[0] - p0[0], p3[1] - p0[1]) + Math.hypot(p2[0] - p1[0], p2[1] - p1[1])) / 2),
    halfWidth: length / 2,
  };
}

/** Where `other` lies seen from `from`: distance along its line from its right end, and across it. */
function offset(from: Placed, other: Placed): { along: number; across: number } {
  const dx = other.cx - from.cx;
  const dy = other.cy - from.cy;
  return {
    along: dx * from.ux + dy * from.uy - from.halfWidth - other.halfWidth,
    across: -dx * from.uy + dy * from.ux,
  };
}

/** The nearest box to the right of `from` on its line, within `reach` line heights. */
function beside(from: Placed, boxes: Placed[], reach: number): Placed | null {
  let best: Placed | null = null;
  let bestAlong = Number.POSITIVE_INFINITY;
  for (const other of boxes) {
    if (other === from) continue;
    const { along, across } = offset(from, other);
    if (
      along > -from.height &&
      along < reach * from.height &&
      Math.abs(across) < 0.6 * from.height &&
      along < bestAlong
    ) {
      best = other;
      bestAlong = along;
    }
  }
  return best;
}

const isLabel = (text: string) => ALL_LABELS.some((label) => text.startsWith(label) || misreadLabel(text, label));

interface Found {
  /** the last box of the label (or the box holding label and value) */
  end: Placed;
  /** what follows the label inside the same box */
  rest: string;
}

/** How many characters of `text` differ from `label`, position by position (texts of the label's length only). */
function mismatches(text: string, label: string): number {
  if (text.length !== label.length) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < label.length; i++) if (text[i] !== label[i]) count++;
  return count;
}

/**
 * A box that is a label misread by one character (注用资本, 名标), or a long one with one dropped (注资本): it stands alone, has the label's length, and is
 * nearer to this label than to any other. Two-character labels must keep their first character, unless it was
 * read unsurely (贡型 with 贡 at 0.21).
 */
function misreadLabel(text: string, label: string, firstSure = true): boolean {
  const distance = labelDistance(text, label);
  if (distance !== 1 || (label.length === 2 && text[0] !== label[0] && firstSure)) return false;
  return ALL_LABELS.every((other) => other === label || labelDistance(text, other) > distance);
}

/** Characters misread, position by position; for a label of four or more, also one dropped (注资本). */
const labelDistance = (text: string, label: string) =>
  label.length >= 4 ? editDistance(text, label) : mismatches(text, label);

/**
 * A two-character label printed spread out, read with a mark between its characters (名二称: a stroke of the
 * guilloche caught in the gap).
 */
const spreadWithMark = (text: string, label: string) =>
  label.length === 2 && text.length === 3 && text[0] === label[0] && text[2] === label[1];

/** A label's character read less surely than this may be another one misread. */
const UNSURE_LABEL = 0.5;

/** A label, whether the detector gave it as one box, split it into its spread characters, or joined its value. */
function findLabel(label: string, boxes: Placed[]): Found | null {
  for (const start of boxes) {
    if (spreadWithMark(start.text, label)) return { end: start, rest: "" };
    // A long label misread by a character and joined to its value (站定代表人陈志梅).
    const head = start.text.slice(0, label.length);
    if (label.length >= 4 && start.text.length > label.length && head !== label && misreadLabel(head, label))
      return { end: start, rest: start.text.slice(label.length) };
    if (!start.text || !label.startsWith(start.text.slice(0, label.length))) continue;
    let text = start.text;
    let end = start;
    while (text.length < label.length && label.startsWith(text)) {
      const next = beside(end, boxes, 4);
      if (!next) break;
      text += next.text;
      end = next;
    }
    if (text.startsWith(label)) return { end, rest: text.slice(label.length) };
    // Its spread characters, one of them misread (类 | 恒 for 类型).
    if (start !== end && misreadLabel(text, label)) return { end, rest: "" };
  }
  const misread = boxes.find((box) => misreadLabel(box.text, label, (box.confidence[0] ?? 1) >= UNSURE_LABEL));
  if (misread) return { end: misread, rest: "" };
  // A two-character label is printed spread out; when the detector missed one of its characters, the other
  // alone, standing in a box of its own, still marks where the value is.
  const alone =
    label.length === 2
      ? (boxes.find((box) => box.text === label.charAt(1)) ?? boxes.find((box) => box.text === label.charAt(0)))
      : undefined;
  return alone ? { end: alone, rest: "" } : null;
}

/**
 * How far right of a line's start the next line of the value may start, in line heights: the first line's box
 * may have taken in a character or two of the seal before the address (口辽宁省…), and its text not.
 */
const SWALLOWED = 2.5;

/** The lines that continue a wrapped value: below it, starting where it starts, not labels themselves. */
function continuation(value: Placed, boxes: Placed[]): Value {
  const out: Value = { text: "", confidence: [], alternatives: [], missing: [] };
  let last = value;
  for (;;) {
    const from = last;
    const next = boxes.find((other) => {
      // The registration authority's seal (…登记专用章) is pressed over the address: its inscription is no part of it.
      if (other === from || isLabel(other.text) || /登记|专用/.test(other.text)) return false;
      const dx = other.cx - other.halfWidth - (from.cx - from.halfWidth);
      const dy = other.cy - from.cy;
      return (
        dy > 0.6 * from.height && dy < 1.9 * from.height && dx > -1.2 * from.height && dx < SWALLOWED * from.height
      );
    });
    if (!next) return out;
    out.text += next.text;
    out.confidence.push(...next.confidence);
    out.alternatives.push(...next.alternatives);
    out.missing.push(...next.missing);
    last = next;
  }
}

/**
 * A field's value as read, with the recogniser's probability and alternatives for each of its characters, and
 * what it may have dropped before each.
 */
type Value = ReadText & Pick<Placed, "missing">;

function readField(field: LabelledField, boxes: Placed[]): Value | null {
  for (const label of LABELS[field]) {
    const found = findLabel(label, boxes);
    if (!found) continue;
    const value = found.rest ? found.end : beside(found.end, boxes, 8);
    const text = found.rest || value?.text || "";
    if (!text || !value) continue;
    // The rest of a label's box is the end of that box's text: its probabilities and alternatives are the last ones.
    const from = value.alternatives.length - [...text].length;
    const confidence = value.confidence.slice(from);
    const alternatives = value.alternatives.slice(from);
    const missing = value.missing.slice(from);
    if (field !== "address") return { text, confidence, alternatives, missing };
    const more = continuation(value, boxes);
    return {
      text: text + more.text,
      confidence: [...confidence, ...more.confidence],
      alternatives: [...alternatives, ...more.alternatives],
      missing: [...missing, ...more.missing],
    };
  }
  const partner = rowPartner(field, boxes);
  return partner ? leftOfPartner(partner, boxes) : null;
}

/**
 * The licence's (2019 template's) two columns share their rows: 名称 with 注册资本, 类型 with 成立日期, 法定代表人 with
 * 营业期限. A left label the detector missed (small, spread print) is known by its row's right label.
 */
const ROW_PARTNERS: Partial<Record<keyof LicenceFields, string>> = {
  name: "注册资本",
  companyType: "成立日期",
  legalRepresentative: "营业期限",
};

const rowPartner = (field: keyof LicenceFields, boxes: Placed[]) => {
  const partner = ROW_PARTNERS[field];
  return partner ? (findLabel(partner, boxes)?.end ?? null) : null;
};

/** Where the row's right label starts, less a line height: its own value ends left of it. */
const leftEdge = (partner: Placed) => partner.cx - partner.halfWidth - partner.height;

/** The value in a row whose label was missed: the box nearest left of the row's right label, not a label itself. */
function leftOfPartner(partner: Placed, boxes: Placed[]): Placed | null {
  const row = boxes.filter(
    (box) =>
      !isLabel(box.text) &&
      Math.abs(box.cy - partner.cy) < 0.6 * partner.height &&
      box.cx + box.halfWidth < leftEdge(partner),
  );
  return row.sort((a, b) => b.cx - a.cx)[0] ?? null;
}

/**
 * Letters the USCC charset lacks (GB 32100 has no I O S V Z), with the characters each is a misreading of. They
 * can only be misreadings, so each alternative is tried; a code is taken only when exactly one reading of it has
 * a valid check character.
 */
const USCC_LOOKALIKES: Record<string, string[]> = {
  O: ["0", "Q", "D"],
  I: ["1", "J", "L"],
  S: ["5"],
  Z: ["2"],
  V: ["U", "Y"],
};
/** At most this many readings of one code are tried: beyond it, one valid by chance is too likely. */
const MAX_READINGS = 9;

/** The ways an 18-character code may be read, its out-of-charset letters replaced by what they resemble. */
function readings(code: string): string[] {
  let out = [""];
  for (const char of code) {
    const options = USCC_LOOKALIKES[char] ?? [char];
    out = out.flatMap((prefix) => options.map((option) => prefix + option));
    if (out.length > MAX_READINGS) return [];
  }
  return out;
}

/**
 * Runs of letters and digits as 18-character codes: a dot the recogniser put inside a code is dropped, and "11"
 * in a 19-character run may be an H it split in two.
 */
function codeShapes(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[^0-9A-Z.]+/)
    .map((run) => run.replace(/\./g, ""))
    .flatMap((run) => {
      if (run.length === 18) return [run];
      if (run.length !== 19) return [];
      const split: string[] = [];
      for (let i = run.indexOf("11"); i >= 0; i = run.indexOf("11", i + 1)) {
        split.push(`${run.slice(0, i)}H${run.slice(i + 2)}`);
      }
      return split;
    });
}

/** The one valid code among the readings of `texts`, or null when none or several are valid. */
function onlyValidCode(texts: string[]): string | null {
  const valid = new Set(
    texts.flatMap((text) => codeShapes(text).flatMap((shape) => readings(shape).filter(isValidUscc))),
  );
  const [only] = valid;
  return only && valid.size === 1 ? only : null;
}

/** A character read with less than this probability may be the recogniser's second choice instead. */
const DOUBTFUL = 0.8;
/** At most this many of a line's most doubtful characters are tried as their second choice, one at a time. */
const MAX_DOUBTS = 3;

type CodeLine = Pick<OcrLine, "text" | "confidence" | "alternatives">;

/** The line read again with one doubtful character replaced by the recogniser's second choice there. */
function secondChoices(line: CodeLine): string[] {
  const chars = [...line.text];
  const { confidence = [], alternatives = [] } = line;
  const second = (i: number) => alternatives[i]?.[0]?.[0] ?? "";
  return chars
    .map((_, i) => i)
    .filter((i) => (confidence[i] ?? 1) < DOUBTFUL && second(i))
    .sort((a, b) => (confidence[a] ?? 1) - (confidence[b] ?? 1))
    .slice(0, MAX_DOUBTS)
    .map((i) => chars.map((c, j) => (j === i ? second(i) : c)).join(""));
}

/**
 * The first code on the licence that has exactly one reading with a valid USCC check character; failing that,
 * a line whose doubtful characters, read as the recogniser's second choice one at a time, give exactly one.
 */
export function findUscc(lines: CodeLine[]): string | null {
  for (const line of lines) {
    const code = onlyValidCode([line.text]);
    if (code) return code;
  }
  for (const line of lines) {
    if (!codeShapes(line.text).length) continue;
    const code = onlyValidCode(secondChoices(line));
    if (code) return code;
  }
  return null;
}

/**
 * 注册资本 is written in capital numerals, a closed alphabet: characters outside it that the recogniser gives for
 * one of its glyphs are read as that glyph.
 */
const CAPITAL_LOOKALIKES: Record<string, string> = {
  方: "万",
  式: "贰",
  武: "贰",
  专: "壹",
  壶: "壹",
  查: "叁",
  些: "叁",
  参: "叁",
  任: "伍",
  们: "佰",
  百: "佰",
  伯: "佰",
  作: "仟",
  件: "仟",
  鉴: "整",
  千: "仟",
  十: "拾",
  别: "捌",
  染: "柒",
  正: "整",
};

/** A company type opens a bracket and closes it: a closing bracket the recogniser dropped at the end is put back. */
function closeBracket(text: string): string {
  return text.includes("（") && !text.includes("）") ? `${text}）` : text;
}

const fullWidth = (text: string) => text.replace(/\(/g, "（").replace(/\)/g, "）").replace(/,/g, "，");

/** A surname alternative less likely than this is not taken for a first character that is no surname. */
const SURNAME_ODDS = 0.02;

/** The characters 注册资本 is written in. */
const CAPITAL_ALPHABET = new Set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元整人民币美");
const CAPITAL_DIGITS = new Set("壹贰叁肆伍陆柒捌玖");
const CAPITAL_NUMERALS = new Set([...CAPITAL_DIGITS, ..."零拾佰仟万亿"]);
/** A numeral among the recogniser's alternatives this likely is taken before a lookalike's numeral. */
const CAPITAL_ODDS = 0.02;
const CAPITAL_UNITS = new Set("拾佰仟万亿");

/** A capital numeral (or a known lookalike of one) among a place's candidate characters, the likeliest first. */
function numeralAmong(candidates: Alternatives = [], within: Set<string> = CAPITAL_ALPHABET): string | undefined {
  return candidates.map(([char]) => CAPITAL_LOOKALIKES[char] ?? char).find((char) => within.has(char));
}

/**
 * 注册资本 within its alphabet: a character outside it is read as the recogniser's likeliest alternative there that
 * is a numeral (查 with 壹 among them is 壹), failing that as the numeral it is a known lookalike of (查 → 叁),
 * failing that as its likeliest alternative inside the alphabet. A unit with no digit before it
 * (佰万元整) has lost its digit: the likeliest digit the recogniser saw, faintly, just before it is put back.
 */
function readCapital({ text, alternatives, missing }: Value): string {
  const chars = [...text].map((c, i) => {
    if (CAPITAL_ALPHABET.has(c)) return c;
    const likely = (alternatives[i] ?? []).filter(([, p]) => p >= CAPITAL_ODDS);
    return numeralAmong(likely, CAPITAL_NUMERALS) ?? numeralAmong([[c, 1], ...(alternatives[i] ?? [])]) ?? c;
  });
  return chars
    .map((c, i) => {
      const undigited = CAPITAL_UNITS.has(c) && !CAPITAL_DIGITS.has(chars[i - 1] ?? "");
      return (undigited ? (numeralAmong(missing[i], CAPITAL_DIGITS) ?? "") : "") + c;
    })
    .join("");
}

/**
 * A person's name starts with a surname. A dash or 一 before it is a stroke of the frame or a stray mark; 人 is
 * the label's last character (法定代表 | 人张三, as the detector split it). A first character that is none of the
 * common surnames is read as the likeliest alternative there that is one (a rare surname read surely has no
 * such alternative worth the name); a character of the given name that is none of the common given-name
 * characters likewise.
 */
function readPerson({ text, alternatives }: Value): string | null {
  const stray = /^[-—―–一_·.]*人?/.exec(text)?.[0].length ?? 0;
  const name = text.slice(stray);
  const chars = [...name];
  const within = (at: number, vocabulary: Set<string>) => {
    const char = chars[at] ?? "";
    if (!char || vocabulary.has(char)) return char;
    return alternatives[stray + at]?.find(([other, p]) => vocabulary.has(other) && p >= SURNAME_ODDS)?.[0] ?? char;
  };
  if (!chars.length) return null;
  return chars.map((_, at) => within(at, at === 0 ? COMMON_SURNAMES : GIVEN_NAME_CHARACTERS)).join("");
}

/**
 * The address with its street's doubtful characters read as words of the lexicon; its division is a closed
 * vocabulary and left to it (the lexicon read a misread 和平区 as 地产区, which no division then matched).
 */
function chooseStreetWords(address: ReadText, registration: Registration | null): ReadText {
  if (!hasDoubts(address)) return address;
  const division = matchDivision(address.text, address.alternatives, registration)?.length ?? 0;
  const street = chooseWords({
    text: [...address.text].slice(division).join(""),
    confidence: address.confidence.slice(division),
    alternatives: address.alternatives.slice(division),
  });
  return {
    text: [...address.text].slice(0, division).join("") + street.text,
    confidence: [...address.confidence.slice(0, division), ...street.confidence],
    alternatives: [...address.alternatives.slice(0, division), ...street.alternatives],
  };
}

/** What the rest of the licence tells about a value: the division of the authority its USCC names. */
interface Context {
  registered: string | null;
}

const NORMALISE: Record<LabelledField, (value: Value, context: Context) => string | null> = {
  // Doubtful characters read as words of a general lexicon (咨陶 → 咨询), then its place at its start.
  name: (value) => {
    const { text, alternatives } = chooseWords(value);
    return correctPlaceStart(fullWidth(text), alternatives, value.missing);
  },
  companyType: ({ text, alternatives }) =>
    correctCompanyType(closeBracket(fullWidth(text).replace(/，/g, "、")), alternatives),
  legalRepresentative: readPerson,
  registeredCapital: readCapital,
  // The street's doubtful characters read as words (潮海大街 → 渤海大街), the numbers within their grammar, and the province,
  // city and district within Liaoning's divisions, the recogniser's alternatives and the USCC's authority counting.
  address: (value, { registered }) => {
    const registration = registered ? { division: registered, confidence: value.confidence } : null;
    const { text, alternatives } = chooseStreetWords(value, registration);
    return correctDivision(
      readAddressNumbers(fullWidth(text), alternatives, value.missing).replace(/[（(\-—_.,，、]+$/, ""),
      alternatives,
      registration,
    );
  },
  establishedOn: ({ text }) => {
    const date = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
    return date ? `${date[1]}年${date[2]?.padStart(2, "0")}月${date[3]?.padStart(2, "0")}日` : null;
  },
};

/** Reads the seven fields from the recognised boxes by layout: each value is the text beside its label. */
export function extractLicenceFields(lines: OcrLine[]): LicenceFields {
  const boxes = lines.map(place).filter((box) => box.text);
  const uscc = findUscc(lines);
  const context = { registered: registrationDivision(uscc) };
  const read = (field: LabelledField) => {
    const value = readField(field, boxes);
    return value ? NORMALISE[field](value, context) : null;
  };
  return {
    name: read("name"),
    uscc,
    legalRepresentative: read("legalRepresentative"),
    registeredCapital: read("registeredCapital"),
    address: read("address"),
    companyType: read("companyType"),
    establishedOn: read("establishedOn"),
  };
}

/** A rectangle of the sheet, [left, top, right, bottom] in pixels. */
export type Region = [number, number, number, number];

/** Whether a box's centre lies in the region. */
export function centreInside(box: OcrLine["box"], [left, top, right, bottom]: Region): boolean {
  const cx = box.reduce((sum, [x]) => sum + x, 0) / box.length;
  const cy = box.reduce((sum, [, y]) => sum + y, 0) / box.length;
  return cx >= left && cx <= right && cy >= top && cy <= bottom;
}

/** How far a value may reach beyond its label, in label heights: along the line, and below it (an address wraps). */
const VALUE_REACH = 20;
const WRAP_LINES: Partial<Record<keyof LicenceFields, number>> = { address: 3.6, uscc: 2.5 };

/**
 * Where a field's label and value lie on the sheet, for a second, closer look: from the label's start to
 * VALUE_REACH label heights beyond its end, a line high (the address's lines and the code under its label
 * lower); null when its label is not found. Upright sheets only: the box is taken axis-aligned.
 */
export function valueRegion(field: keyof LicenceFields, lines: OcrLine[]): Region | null {
  const boxes = lines.map(place).filter((box) => box.text);
  const labels = field === "uscc" ? ["统一社会信用代码"] : LABELS[field];
  for (const label of labels) {
    const found = findLabel(label, boxes);
    if (!found) continue;
    const { end } = found;
    const start = boxes.find((box) => box.text.startsWith(label.charAt(0)) && Math.abs(box.cy - end.cy) < end.height);
    const left = Math.min(start?.cx ?? end.cx, end.cx) - (start?.halfWidth ?? end.halfWidth) - end.height;
    const below = (WRAP_LINES[field] ?? 0) * end.height;
    const right = field === "uscc" ? left + 14 * end.height : end.cx + end.halfWidth + VALUE_REACH * end.height;
    return [left, end.cy - end.height, right, end.cy + end.height + below];
  }
  // A left label the detector missed: the row of its right partner, left of it.
  const partner = rowPartner(field, boxes);
  return partner ? [0, partner.cy - partner.height, leftEdge(partner), partner.cy + partner.height] : null;
}

/**
 * Where the business scope (经营范围) is printed: below its label's top, left of the labels of the column beside it
 * (住所, 注册资本 …). No field is read there. Null when the label, or a label of the column beside it, was not read
 * (a licence printed in one column has its scope last, and is read whole).
 */
export function businessScopeRegion(lines: OcrLine[]): Region | null {
  const boxes = lines.map(place).filter((box) => box.text);
  const scope = findLabel("经营范围", boxes)?.end;
  if (!scope) return null;
  const beyond = scope.cx + scope.halfWidth + 2 * scope.height;
  const column = boxes.filter((box) => isLabel(box.text) && box.cx - box.halfWidth > beyond);
  if (!column.length) return null;
  const right = Math.min(...column.map((box) => box.cx - box.halfWidth));
  return [0, scope.cy - scope.height, right, Number.POSITIVE_INFINITY];
}

const DIGIT = "[壹贰叁肆伍陆柒捌玖]";
/** Capital numerals of one section below 万, starting with a digit: 仟, 佰, 拾 and units, zeros between. */
const SECTION = `(?=${DIGIT})(?:${DIGIT}仟)?(?:零?${DIGIT}佰)?(?:零?${DIGIT}拾)?(?:零?${DIGIT})?`;
/** 注册资本 as licences write it: 人民币 optional, sections of 亿 and 万, 元 (or 美元), 整 optional. */
const CAPITAL_AMOUNT = new RegExp(`^(?:人民币)?(?=${DIGIT})(?:${SECTION}亿)?(?:${SECTION}万)?(?:${SECTION})?美?元整?$`);
/** How an address ends: a number, or the unit of one. */
const ADDRESS_END = /[\d号室层楼座户门）]$/;
/** In an address a number comes before each of these, and a flat's number after 单元. */
const UNNUMBERED = /(^|[^\d甲乙丙丁之-])(号|单元|室|层|栋|幢)|单元[^\d]/;

/**
 * Whether a value read for a field looks like one: a company name ending as one, a common surname and a short
 * name, capital numerals in order, an address in a Liaoning division with its numbers, a registered type. A value
 * that does not is worth a second, closer look.
 */
export function isPlausible(field: keyof LicenceFields, value: string | null): boolean {
  if (!value) return false;
  switch (field) {
    case "name":
      return /(公司|企业|合作社|厂|店|中心|事务所|集团)(（.+）)?$/.test(value);
    case "legalRepresentative":
      return /^\p{Script=Han}{2,4}$/u.test(value) && COMMON_SURNAMES.has(value.charAt(0));
    case "registeredCapital":
      return CAPITAL_AMOUNT.test(value);
    case "address":
      return startsWithDivision(value) && !UNNUMBERED.test(value) && ADDRESS_END.test(value);
    case "companyType":
      return isCompanyType(value);
    default:
      return true;
  }
}
