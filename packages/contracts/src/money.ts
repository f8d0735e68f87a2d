/** Formats integer fen as yuan for display: 30000 → "300", 12345 → "123.45". */
export function formatYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const rest = Math.abs(fen % 100);
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, "0")}`;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  壹: 1,
  一: 1,
  贰: 2,
  二: 2,
  两: 2,
  叁: 3,
  三: 3,
  肆: 4,
  四: 4,
  伍: 5,
  五: 5,
  陆: 6,
  六: 6,
  柒: 7,
  七: 7,
  捌: 8,
  八: 8,
  玖: 9,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };

/** A number written in Chinese numerals (伍佰万, 壹仟贰佰万零伍拾), or null when it is not one. */
function parseChineseNumber(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch] ?? 0;
    else if (ch in SMALL_UNITS) {
      section += (digit || 1) * (SMALL_UNITS[ch] ?? 1);
      digit = 0;
    } else if (ch === "万" || ch === "亿") {
      total += (section + digit) * (ch === "万" ? 10_000 : 100_000_000);
      section = 0;
      digit = 0;
    } else return null;
  }
  return total + section + digit;
}

/**
 * An amount as a business licence prints it, in fen: "伍佰万元整", "人民币壹仟贰佰万元", "500万元人民币",
 * "1,200.5 万元", "壹佰元伍角". Null when it cannot be read as an amount (the comparison then says so).
 */
export function parsePrintedAmount(printed: string): number | null {
  const text = printed
    .replace(/[\s,，]/g, "")
    .replace(/人民币|整|正/g, "")
    .replace(/圆/g, "元");
  const arabic = /^(\d+(?:\.\d+)?)(万|亿)?元?$/.exec(text);
  if (arabic) {
    const scale = arabic[2] === "亿" ? 100_000_000 : arabic[2] === "万" ? 10_000 : 1;
    const fen = Math.round(Number(arabic[1]) * scale * 100);
    return Number.isSafeInteger(fen) ? fen : null;
  }
  const match = /^([^元角分]*)元?(?:([^元角分])角)?(?:([^元角分])分)?$/.exec(text);
  if (!match?.[1]) return null;
  const yuan = parseChineseNumber(match[1]);
  const jiao = match[2] ? DIGITS[match[2]] : 0;
  const fen = match[3] ? DIGITS[match[3]] : 0;
  if (yuan === null || jiao === undefined || fen === undefined) return null;
  return yuan * 100 + jiao * 10 + fen;
}

const CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SECTION_UNITS = ["", "拾", "佰", "仟"];
const SECTION_NAMES = ["", "万", "亿", "万亿"];

/** 0 < n < 10000 in capital numerals, zeros inside read once (1005 → 壹仟零伍). */
function capitalSection(n: number): string {
  let out = "";
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== "";
      continue;
    }
    out += `${zero ? "零" : ""}${CAPITAL_DIGITS[digit]}${SECTION_UNITS[place]}`;
    zero = false;
  }
  return out;
}

function capitalInteger(n: number): string {
  if (n === 0) return "零";
  const sections: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  let out = "";
  let gap = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i] ?? 0;
    if (section === 0) {
      gap = out !== "";
      continue;
    }
    // A skipped 万 section or fewer than four digits after a higher one is read with one 零 (壹万零伍佰).
    if (out !== "" && (gap || section < 1000)) out += "零";
    out += capitalSection(section) + SECTION_NAMES[i];
    gap = false;
  }
  return out;
}

/**
 * Integer fen as an invoice writes the total in capitals (价税合计（大写）): 65000 → 陆佰伍拾元整, 105 → 壹元零伍分,
 * 10050 → 壹佰元伍角. 整 follows 元 only when there are no 角 and 分 (the People's Bank's rules for bills).
 */
export function formatCapitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${capitalInteger(yuan)}元整`;
  const yuanPart = yuan > 0 ? `${capitalInteger(yuan)}元` : "";
  const jiaoPart = jiao > 0 ? `${CAPITAL_DIGITS[jiao]}角` : yuan > 0 ? "零" : "";
  const centsPart = cents > 0 ? `${CAPITAL_DIGITS[cents]}分` : "";
  return yuanPart + jiaoPart + centsPart;
}
