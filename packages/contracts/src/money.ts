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
