/** Identifiers that pass their standards' checks, for the people and enterprises the browser tests create. */

const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code: the 17-character body plus its GB 32100 check character. */
export function uscc(body: string): string {
  if (body.length !== 17) throw new Error(`USCC body must be 17 characters: ${body}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(body.charAt(i));
    if (value < 0) throw new Error(`not a USCC character: ${body.charAt(i)}`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return body + USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number: the 17-digit body (area, birth date, sequence) plus its GB 11643 check digit. */
export function residentId(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new Error(`resident ID body must be 17 digits: ${body}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return body + "10X98765432".charAt(sum % 11);
}
