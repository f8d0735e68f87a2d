import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Cron } from "croner";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DAY_MS } from "../../../test/support/identifiers";
import type { Runtime } from "../../app/feature-module";
import { loadConfig } from "../../config/config";
import { systemClock } from "../../shared/clock";
import type { MailService } from "../notifications/mail.service";
import type { SmsService } from "../notifications/sms.service";
import { remindersModule, scheduleDailyScan } from "./reminders.module";

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

describe("the reminders module in a worker process", () => {
  /** The module on settings of its own; its services never reach the database here (the scan is a spy). */
  function moduleWith(enabled: boolean) {
    const config = loadConfig({
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "lnca-config-")),
      EXPIRY_REMINDERS_ENABLED: String(enabled),
      EXPIRY_REMINDER_AT: "09:30",
    });
    const runtime = { config, clock: systemClock, logger: pino({ level: "silent" }) } as unknown as Runtime;
    const module = remindersModule(runtime, { sms: {} as SmsService, mail: {} as MailService });
    const scan = vi
      .spyOn(module.services.expiryReminders, "scan")
      .mockResolvedValue({ reminded: 0, sms: 0, mail: 0, failed: 0 });
    return { module, scan };
  }

  it.each([
    [true, 1],
    [false, 0],
  ])("scans at EXPIRY_REMINDER_AT when enabled (%s), until stopped", async (enabled, scans) => {
    vi.useFakeTimers({ now: new Date("2026-12-01T01:00:00Z") });
    try {
      const { module, scan } = moduleWith(enabled);
      const started = module.start?.();
      await vi.advanceTimersByTimeAsync(31 * 60_000);
      expect(scan).toHaveBeenCalledTimes(scans);
      await started?.stop();
      await vi.advanceTimersByTimeAsync(DAY_MS);
      expect(scan).toHaveBeenCalledTimes(scans);
    } finally {
      vi.useRealTimers();
    }
  });
});
