/**
 * Identifiers that pass their standards' checks, for the people and enterprises tests create: from a given
 * body (fixed values of the browser tests) or the n-th of a series (fresh values per test file).
 */
import { residentIdCheckDigit, usccCheckCharacter } from "@lnca/contracts";

export const DAY_MS = 86_400_000;

/** A unified social credit code: the 17-character body plus its GB 32100 check character. */
export function uscc(body: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(body)) throw new Error(`not a USCC body: ${body}`);
  return body + usccCheckCharacter(body);
}

/** A resident ID number: the 17-digit body (area, birth date, sequence) plus its GB 11643 check digit. */
export function residentId(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new Error(`resident ID body must be 17 digits: ${body}`);
  return body + residentIdCheckDigit(body);
}

/** The n-th valid USCC, Liaoning prefix. */
export function makeUscc(n: number): string {
  return uscc(`91210100MA${String(n).padStart(7, "0")}`);
}

/** The n-th valid resident ID number, Shenyang, born 1970-01-01 + n days. */
export function makeResidentId(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + n * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  return residentId(`210102${birth}${String(100 + (n % 900)).padStart(3, "0")}`);
}

let mobileCounter = 0;
export function nextMobile(): string {
  mobileCounter += 1;
  return `139${String(mobileCounter).padStart(8, "0")}`;
}

let seq = 0;
/** A fresh enterprise, person or sequence number for one test file. */
export function nextSeq(): number {
  seq += 1;
  return seq;
}
