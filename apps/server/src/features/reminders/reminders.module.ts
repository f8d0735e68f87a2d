import { Cron } from "croner";
import type { FeatureModule, Runtime, Stoppable } from "../../app/feature-module";
import type { MailService } from "../notifications/mail.service";
import type { SmsService } from "../notifications/sms.service";
import { ExpiryReminderService } from "./expiry-reminders.service";

export interface RemindersServices {
  expiryReminders: ExpiryReminderService;
}

/**
 * Runs `scan` every day at `at` Beijing time (croner: timezone-aware, its timer unref'd). A scan still running
 * (a very large registry) is not started over by the next tick (`protect`).
 */
export function scheduleDailyScan(at: { hour: number; minute: number }, scan: () => Promise<void>): Cron {
  return new Cron(`${at.minute} ${at.hour} * * *`, { timezone: "Asia/Shanghai", protect: true, unref: true }, scan);
}

/**
 * Expiry reminders (SMS and e-mail before a certificate expires), scanned daily at EXPIRY_REMINDER_AT Beijing
 * time in every process that runs workers; processes scanning at the same moment send each reminder once.
 */
export function remindersModule(
  runtime: Runtime,
  deps: { sms: SmsService; mail: MailService },
): FeatureModule<RemindersServices> {
  const { config, database, clock, logger } = runtime;
  const settings = config.expiryReminders;
  const expiryReminders = new ExpiryReminderService({
    database,
    clock,
    logger,
    sms: deps.sms,
    mail: deps.mail,
    stepsDays: settings.stepsDays,
    publicOrigin: config.publicOrigin,
  });
  return {
    name: "reminders",
    services: { expiryReminders },
    start: (): Stoppable => {
      if (!settings.enabled) return { stop: async () => {} };
      const job = scheduleDailyScan(settings.at, async () => {
        try {
          await expiryReminders.scan();
        } catch (err) {
          logger.error({ err }, "expiry reminder scan failed");
        }
      });
      return { stop: async () => job.stop() };
    },
  };
}
