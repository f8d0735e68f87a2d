/** China has one time zone and no daylight saving: Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar date of an instant, YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing calendar day (YYYY-MM-DD) starts, `days` later, as ISO (for date filters). */
export function beijingDayStart(day: string, days = 0): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000).toISOString();
}
