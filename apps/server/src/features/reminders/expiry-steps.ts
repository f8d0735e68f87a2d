import { beijingDate, beijingDayStart } from "../../shared/beijing-time";

/**
 * Which reminder a certificate is due, by Beijing calendar days: a certificate expiring on 12-31 is 30 days out on
 * 12-01, 1 day out on 12-30 and 0 days out on 12-31 itself. The step due is the nearest one not below the days
 * left — with steps 30, 7, 1, a certificate 5 days out is due the 7-day reminder (whether or not it had the
 * 30-day one: a certificate recorded late, or a scan missed, is still told once) and 0 days out the 1-day one.
 */
export interface StepWindow {
  stepDays: number;
  /** Certificates expiring at or after this instant (ISO) and before `until` are due this step. */
  from: string;
  until: string;
}

/** One window per step (steps in any order): expiries from the day after the next smaller step to the step's day. */
export function stepWindows(now: Date, stepsDays: readonly number[]): StepWindow[] {
  const today = beijingDate(now);
  const ascending = [...new Set(stepsDays)].sort((a, b) => a - b);
  return ascending.map((stepDays, i) => {
    const smaller = i === 0 ? -1 : (ascending[i - 1] as number);
    const from = beijingDayStart(today, smaller + 1);
    return {
      stepDays,
      // Already expired is not "about to expire".
      from: new Date(Math.max(Date.parse(from), now.getTime())).toISOString(),
      until: beijingDayStart(today, stepDays + 1),
    };
  });
}

/** Whole Beijing calendar days from `now`'s day to the expiry's day. */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.round((Date.parse(beijingDate(notAfter)) - Date.parse(beijingDate(now))) / 86_400_000);
}
