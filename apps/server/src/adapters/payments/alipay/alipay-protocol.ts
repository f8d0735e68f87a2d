/**
 * Alipay open platform conventions shared by the adapter and the sandbox gateway: amounts in 元 with two
 * decimals, times in Beijing time, and the signing string of a parameter set (RSA2 = SHA256withRSA).
 */

/** 70000 → "700.00": Alipay's amounts are 元 with exactly two decimals; integer arithmetic only. */
export function alipayAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`amount in fen must be a non-negative integer: ${fen}`);
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

const AMOUNT = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/;

/** "700.00" → 70000; null for anything that is not a plain decimal amount (no floats, no signs, no exponents). */
export function parseAlipayAmount(text: string | undefined): number | null {
  const match = text === undefined ? null : AMOUNT.exec(text);
  if (!match?.[1]) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Alipay writes and reads times as "yyyy-MM-dd HH:mm:ss" in Beijing time, whatever the server's zone. */
export function alipayTime(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

export function parseAlipayTime(text: string | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return null;
  const at = new Date(`${text.replace(" ", "T")}+08:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The string Alipay signs: every parameter but the excluded ones and the empty ones, sorted by name,
 * `name=value` joined with `&`, values as sent (not URL-encoded). Requests exclude only `sign`;
 * notifications and return parameters exclude `sign` and `sign_type`.
 */
export function alipaySigningString(params: Record<string, string>, excluded: readonly string[]): string {
  return Object.keys(params)
    .filter((name) => !excluded.includes(name) && params[name] !== "")
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join("&");
}

/** Form parameters from an application/x-www-form-urlencoded text; null when a name repeats (ambiguous). */
export function parseAlipayForm(text: string): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(params, name)) return null;
    params[name] = value;
  }
  return params;
}
