import { formatYuan } from "@lnca/contracts";

/**
 * 注册资本 typed in yuan (at most two decimals) → integer fen, by reading the digits rather than multiplying a
 * float (0.29 * 100 is 28.999…). Null when it is not such an amount or too large to be exact.
 */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match?.[1]) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Integer fen → the yuan text the input shows ("5000000.5" for 500000050). */
export const fenToYuan = (fen: number): string => formatYuan(fen);
