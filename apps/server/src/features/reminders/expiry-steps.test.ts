import { describe, expect, it } from "vitest";
import { daysLeft, stepWindows } from "./expiry-steps";

// 09:00 on 2026-12-01, Beijing time.
const now = new Date("2026-12-01T01:00:00.000Z");

describe("expiry reminder steps", () => {
  it("gives each step the Beijing days from the day after the next smaller step to its own", () => {
    expect(stepWindows(now, [30, 7, 1])).toEqual([
      // 1 day out, and expiring later today (0 days out); never what has expired already.
      { stepDays: 1, from: now.toISOString(), until: "2026-12-02T16:00:00.000Z" },
      { stepDays: 7, from: "2026-12-02T16:00:00.000Z", until: "2026-12-08T16:00:00.000Z" },
      { stepDays: 30, from: "2026-12-08T16:00:00.000Z", until: "2026-12-31T16:00:00.000Z" },
    ]);
  });

  it("takes the steps in any order, once each", () => {
    expect(stepWindows(now, [7, 30, 7]).map((w) => w.stepDays)).toEqual([7, 30]);
    expect(stepWindows(now, [7, 30, 7])[0]?.from).toBe(now.toISOString());
  });

  it("counts days left on Beijing calendar days", () => {
    // 23:59:59 on 12-31 Beijing: 30 days out on 12-01 whatever the hour.
    expect(daysLeft(new Date("2026-12-31T15:59:59.000Z"), now)).toBe(30);
    // 00:00 on 01-01 Beijing is 31 days out, though under 31 × 24 h away.
    expect(daysLeft(new Date("2026-12-31T16:00:00.000Z"), now)).toBe(31);
    expect(daysLeft(new Date("2026-12-01T15:00:00.000Z"), now)).toBe(0);
  });
});
