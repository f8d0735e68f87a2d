// The published calendar itself (official holidays and make-up working days, keyed by China's calendar date).
// Not the package's functions: they rebuild these keys with the process's local time zone, and west of UTC
// every date comes out one day early.
import calendar from "chinese-days/dist/chinese-days.json" with { type: "json" };

/**
 * Working days in mainland China: Monday to Friday, less the official holidays, plus the make-up working
 * days (调休补班, often a Saturday or Sunday) the State Council publishes each year, from the calendar that
 * `chinese-days` maintains. Days are China's calendar days (Asia/Shanghai, UTC+8 all year: no summer time
 * since 1991), whatever the server's time zone. A year the package does not list yet (published each
 * November or December) falls back to plain weekdays: keep `chinese-days` current.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const holidays: Record<string, string> = calendar.holidays;
const makeUpWorkdays: Record<string, string> = calendar.workdays;

/** The China calendar day an instant falls on, as a day number (days since 1970-01-01). */
function chinaDay(instant: Date): number {
  return Math.floor((instant.getTime() + CHINA_OFFSET_MS) / DAY_MS);
}

function isWorkingChinaDay(day: number): boolean {
  const midnight = new Date(day * DAY_MS);
  const date = midnight.toISOString().slice(0, 10);
  if (makeUpWorkdays[date]) return true;
  const weekday = midnight.getUTCDay();
  return weekday >= 1 && weekday <= 5 && !holidays[date];
}

/** Whether the instant falls on a working day in China. */
export function isWorkingDay(instant: Date): boolean {
  return isWorkingChinaDay(chinaDay(instant));
}

/**
 * The age of a submission in whole working days: the working days that have begun since the day it was
 * submitted, today included. A revision submitted on Friday evening is 0 on Saturday and Sunday, 1 all of
 * Monday and 2 on Tuesday; one submitted on a Monday morning is 0 that day. So the review target of one
 * working day is met while the age is at most 1: the reviewer has the rest of the submission day and the
 * whole next working day. An instant before `from` (clocks of two servers) counts as 0.
 */
export function workingDaysElapsed(from: Date, to: Date): number {
  let count = 0;
  for (let day = chinaDay(from) + 1; day <= chinaDay(to); day++) {
    if (isWorkingChinaDay(day)) count++;
  }
  return count;
}
