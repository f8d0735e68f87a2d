import type { Cron } from "croner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DAY_MS } from "../../../test/support/identifiers";
import { scheduleDailyScan } from "./reminders.module";

let job: Cron | undefined;
afterEach(() => job?.stop());

describe("the daily expiry reminder scan", () => {
  it("runs every day at the configured Beijing time, whatever the server's time zone", () => {
    job = scheduleDailyScan({ hour: 9, minute: 0 }, async () => {});
    // 10:00 Beijing: today's run is past, the next is tomorrow at 09:00 Beijing (01:00 UTC).
    expect(job.nextRun(new Date("2026-12-01T02:00:00Z"))?.toISOString()).toBe("2026-12-02T01:00:00.000Z");
    // 08:59 Beijing: still today.
    expect(job.nextRun(new Date("2026-12-01T00:59:00Z"))?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    job.stop();
    job = scheduleDailyScan({ hour: 23, minute: 30 }, async () => {});
    expect(job.nextRun(new Date("2026-12-01T00:00:00Z"))?.toISOString()).toBe("2026-12-01T15:30:00.000Z");
  });

  it("scans at that time, and not again while the last scan still runs", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T00:59:00Z") });
    try {
      let runs = 0;
      let finish = () => {};
      job = scheduleDailyScan({ hour: 9, minute: 0 }, () => {
        runs += 1;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      });
      await vi.advanceTimersByTimeAsync(50_000);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(runs).toBe(1);
      // Still running a day later: that day's tick is skipped.
      await vi.advanceTimersByTimeAsync(DAY_MS);
      expect(runs).toBe(1);
      finish();
      await vi.advanceTimersByTimeAsync(DAY_MS);
      expect(runs).toBe(2);
    } finally {
      job?.stop();
      vi.useRealTimers();
    }
  });
});
