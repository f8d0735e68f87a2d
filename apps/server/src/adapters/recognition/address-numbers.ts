import type { Alternatives } from "./edit-distance";

/** An alternative less likely than this is not taken for a character the address's grammar rules out. */
const ODDS = 0.02;

/** Where a number stands in an address: after a street, a 号 or a 单元, before 号, 单元, 室 or 层. */
const NUMBER_SLOT = /(?:^|[路街道巷里号元\d])\d*#\d*(?:号|单|室|层)/;
/** The characters that build an address around its numbers. */
const STRUCTURE = new Set("路街道巷里号单元室层");
/** How a street's name ends, right before its first number. */
const STREET_ENDINGS = new Set("路街道巷里弄");
/** How an address ends after its last number. */
const ENDINGS = new Set("号室层楼座户门");

const isDigit = (char: string) => char >= "0" && char <= "9";

/** A digit seen at a weak step this likely (among its two likeliest characters) is taken for one the decoding dropped. */
const DROPPED_ODDS = 0.05;

/**
 * The digit the recogniser dropped before `chars[i]`, at the end of a number (after a digit, before the unit that
 * ends it: 1心·室 for 101室) where a weak step held a digit; otherwise nothing. Between two digits a weak step is
 * as often the passage from one to the other (358 read 3·6·58), and is left alone.
 */
function droppedDigit(chars: string[], i: number, weak: Alternatives = []): string {
  if (!isDigit(chars[i - 1] ?? "") || !"号单室层".includes(chars[i] ?? "")) return "";
  return weak.slice(0, 2).find(([char, p]) => isDigit(char) && p >= DROPPED_ODDS)?.[0] ?? "";
}

/**
 * An address's numbers read within its grammar, the recogniser's alternatives deciding: a character where only a
 * digit can stand (3012 read 30上 before 室) is read as its likeliest digit alternative; 单元 with a character
 * misread (单光, 期元) as 单元 when the recogniser had that character among its alternatives, or with 单 or 元
 * dropped between two numbers (4元705室, 6单1607室); a last character after a number as the likeliest ending among its alternatives
 * (1909堂 → 1909室); the character before the first number as the likeliest street ending among its alternatives
 * (士英厨164号 → 士英街164号). Characters without such an alternative are left as read.
 */
export function readAddressNumbers(text: string, alternatives: Alternatives[], missing: Alternatives[] = []): string {
  const chars = [...text];
  const likeliest = (i: number, allowed: (char: string) => boolean) =>
    alternatives[i]?.find(([char, p]) => allowed(char) && p >= ODDS)?.[0];
  const has = (i: number, wanted: string) => likeliest(i, (char) => char === wanted) !== undefined;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? "";
    // The address's own words (大街, 号, 单元 …) are never a misread digit, even right before a number.
    if (isDigit(char) || STRUCTURE.has(char)) continue;
    const slot = [...chars.slice(0, i), "#", ...chars.slice(i + 1)].join("");
    if (NUMBER_SLOT.test(slot)) {
      const digit = likeliest(i, isDigit);
      if (digit) chars[i] = digit;
    }
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === "单" && chars[i + 1] !== "元" && isDigit(chars[i + 2] ?? "") && has(i + 1, "元"))
      chars[i + 1] = "元";
    if (chars[i + 1] === "元" && chars[i] !== "单" && isDigit(chars[i - 1] ?? "") && has(i, "单")) chars[i] = "单";
  }
  const street = chars.findIndex(isDigit) - 1;
  if (street > 0 && !STREET_ENDINGS.has(chars[street] ?? "") && !STRUCTURE.has(chars[street] ?? "")) {
    const ending = likeliest(street, (char) => STREET_ENDINGS.has(char));
    if (ending) chars[street] = ending;
  }
  const last = chars.length - 1;
  if (last > 0 && !ENDINGS.has(chars[last] ?? "") && !isDigit(chars[last] ?? "") && isDigit(chars[last - 1] ?? "")) {
    const ending = likeliest(last, (char) => ENDINGS.has(char));
    if (ending) chars[last] = ending;
  }
  // 单 or 元 dropped between two numbers: either alone after a number stands for nothing else in an address. A
  // flat's number after 单元 is followed by 室, and by nothing else, on a licence: 室 dropped or misread at the end
  // (2501车) is put back, and a mark of the seal read after it (1808室以) dropped.
  return chars
    .map((char, i) => droppedDigit(chars, i, missing[i]) + char)
    .join("")
    .replace(/(\d)元(\d)/g, "$1单元$2")
    .replace(/(\d)单(\d)/g, "$1单元$2")
    .replace(/(单元\d+)(?:室\D|[^\d室])?$/, "$1室");
}
