import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const load = (env: Record<string, string> = {}) =>
  loadConfig({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "lnca-config-")), ...env });

describe("expiry reminder settings", () => {
  it("reminds 30, 7 and 1 days before expiry at 09:00 Beijing time by default", () => {
    expect(load().expiryReminders).toEqual({ enabled: true, stepsDays: [30, 7, 1], at: { hour: 9, minute: 0 } });
  });

  it("reads the days in any order and spacing, once each, and the time of day", () => {
    const config = load({ EXPIRY_REMINDER_DAYS: " 7,60, 1 ,7", EXPIRY_REMINDER_AT: "18:05" });
    expect(config.expiryReminders).toMatchObject({ stepsDays: [60, 7, 1], at: { hour: 18, minute: 5 } });
  });

  it("turns off", () => {
    expect(load({ EXPIRY_REMINDERS_ENABLED: "false" }).expiryReminders.enabled).toBe(false);
  });

  it.each(["", "30,,7", "30;7", "0,7", "366", "7.5", "-1"])("refuses the days %j, naming the setting", (days) => {
    expect(() => load({ EXPIRY_REMINDER_DAYS: days })).toThrow(ConfigError);
    expect(() => load({ EXPIRY_REMINDER_DAYS: days })).toThrow(
      "EXPIRY_REMINDER_DAYS: EXPIRY_REMINDER_DAYS 应为到期前的天数（1–365 的整数），以逗号分隔，如 30,7,1",
    );
  });

  it.each(["9:00", "24:00", "09:60", "0900", "09:00:00"])("refuses the time %j", (at) => {
    expect(() => load({ EXPIRY_REMINDER_AT: at })).toThrow("EXPIRY_REMINDER_AT 应为北京时间 HH:MM（如 09:00）");
  });
});
