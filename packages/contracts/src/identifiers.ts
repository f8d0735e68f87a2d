/** GB 32100 unified social credit code (统一社会信用代码). */
const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  return usccCheckCharacter(value.slice(0, 17)) === value.charAt(17);
}

/** The check character (18th) of a USCC whose 17 first characters are `body`. */
export function usccCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(body.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11643 resident identity number (居民身份证号码): ISO 7064 MOD 11-2 check and a real birth date. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function isValidResidentId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day || birth > new Date()) {
    return false;
  }
  return residentIdCheckDigit(value.slice(0, 17)) === value.charAt(17);
}

/** The check digit (18th) of a resident ID number whose 17 first digits are `body`. */
export function residentIdCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

/** Mainland mobile number; returns the 11-digit form or null. Accepts +86 / 86 prefixes and spaces. */
export function normalizeMobile(value: string): string | null {
  const compact = value.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(compact) ? compact : null;
}

/** Shows a mobile as 138****5678 (logs and lists never carry the full number). */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : "***";
}

/** Shows an ID number as 2101**********123X. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}**********${id.slice(14)}` : "***";
}

/** Shows a person's name with only its first character: 张** (an enterprise's members see who administers it). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? "***" : `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
}
