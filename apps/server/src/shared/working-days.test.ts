import { afterEach, describe, expect, it } from "vitest";
import { isWorkingDay, workingDaysElapsed } from "./working-days";

/** An instant given as Beijing time, the way the dates below are published. */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe("working days (China, 2026 calendar of chinese-days)", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    // Assigning undefined to process.env would set the string "undefined".
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ["2026-09-30T10:00", true, "Wednesday before National Day"],
    ["2026-10-01T10:00", false, "National Day"],
    ["2026-10-05T10:00", false, "a Monday inside the National Day holiday"],
    ["2026-10-07T10:00", false, "the last day of the holiday"],
    ["2026-10-08T10:00", true, "Thursday after the holiday"],
    ["2026-10-10T10:00", true, "Saturday made a working day for National Day (补班)"],
    ["2026-09-20T10:00", true, "Sunday made a working day for National Day (补班)"],
    ["2026-10-11T10:00", false, "an ordinary Sunday"],
    ["2026-10-17T10:00", false, "an ordinary Saturday"],
    ["2026-02-16T10:00", false, "Spring Festival on a Monday"],
    ["2026-02-28T10:00", true, "Saturday made a working day for Spring Festival"],
  ])("%s is a working day: %s (%s)", (local, working) => {
    expect(isWorkingDay(beijing(local))).toBe(working);
  });

  it("draws the day boundary at midnight in Beijing, not in UTC", () => {
    // 00:30 on 1 October in Beijing is still 30 September in UTC, a working Wednesday there.
    expect(isWorkingDay(beijing("2026-10-01T00:30"))).toBe(false);
    expect(isWorkingDay(beijing("2026-09-30T23:59"))).toBe(true);
    // And 00:30 on 8 October in Beijing is 7 October, a holiday, in UTC.
    expect(isWorkingDay(beijing("2026-10-08T00:30"))).toBe(true);
  });

  it("ages a revision submitted on Friday evening 0 over the weekend, 1 on Monday, 2 on Tuesday", () => {
    const submitted = beijing("2026-11-27T20:00");
    expect(workingDaysElapsed(submitted, beijing("2026-11-27T23:59"))).toBe(0);
    expect(workingDaysElapsed(submitted, beijing("2026-11-28T12:00"))).toBe(0);
    expect(workingDaysElapsed(submitted, beijing("2026-11-29T23:00"))).toBe(0);
    expect(workingDaysElapsed(submitted, beijing("2026-11-30T08:00"))).toBe(1);
    expect(workingDaysElapsed(submitted, beijing("2026-11-30T20:00"))).toBe(1);
    expect(workingDaysElapsed(submitted, beijing("2026-12-01T09:00"))).toBe(2);
  });

  it("counts nothing on the day of submission", () => {
    expect(workingDaysElapsed(beijing("2026-11-30T08:00"), beijing("2026-11-30T18:00"))).toBe(0);
  });

  it("skips the National Day holiday and counts its make-up Saturday", () => {
    const submitted = beijing("2026-09-30T18:00");
    const age = (local: string) => workingDaysElapsed(submitted, beijing(local));
    expect(["2026-10-01T09:00", "2026-10-04T09:00", "2026-10-07T23:00"].map(age)).toEqual([0, 0, 0]);
    expect(age("2026-10-08T09:00")).toBe(1);
    expect(age("2026-10-09T09:00")).toBe(2);
    expect(age("2026-10-10T09:00")).toBe(3);
    expect(age("2026-10-11T09:00")).toBe(3);
    expect(age("2026-10-12T09:00")).toBe(4);
  });

  it("counts a make-up Sunday for a revision submitted on the Saturday before it", () => {
    expect(workingDaysElapsed(beijing("2026-09-19T10:00"), beijing("2026-09-20T10:00"))).toBe(1);
  });

  it("answers 0 when the end comes before the start", () => {
    expect(workingDaysElapsed(beijing("2026-12-01T09:00"), beijing("2026-11-27T09:00"))).toBe(0);
  });

  it("gives the same answers whatever the server's time zone", () => {
    const submitted = beijing("2026-09-30T18:00");
    for (const zone of ["America/Los_Angeles", "UTC", "Pacific/Kiritimati"]) {
      process.env.TZ = zone;
      expect(isWorkingDay(beijing("2026-10-10T09:00"))).toBe(true);
      expect(isWorkingDay(beijing("2026-10-05T09:00"))).toBe(false);
      expect(workingDaysElapsed(submitted, beijing("2026-10-12T09:00"))).toBe(4);
    }
  });
});
