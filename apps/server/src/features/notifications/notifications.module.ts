import type { Mailer } from "../../adapters/mail/mailer";
import type { SmsSender } from "../../adapters/sms/sms";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import { MailService } from "./mail.service";
import { mailOutboxConsoleRoutes } from "./mail-outbox.routes";
import { SmsService } from "./sms.service";
import { smsOutboxConsoleRoutes } from "./sms-outbox.routes";

export interface NotificationsServices {
  sms: SmsService;
  mail: MailService;
}

/** SMS and e-mail through the outbox: queued in the caller's transaction, sent by the `sms.send` / `mail.send` jobs. */
export function notificationsModule(
  runtime: Runtime,
  deps: { smsSender: SmsSender; mailer: Mailer },
): FeatureModule<NotificationsServices> {
  const sms = new SmsService(runtime.database, deps.smsSender, runtime.clock);
  const mail = new MailService(runtime.database, deps.mailer, runtime.clock);
  const smsOutbox = smsOutboxConsoleRoutes({ sms });
  const mailOutbox = mailOutboxConsoleRoutes({ mail });
  return {
    name: "notifications",
    services: { sms, mail },
    routes: {
      console: async (app) => {
        await app.register(smsOutbox);
        await app.register(mailOutbox);
      },
    },
    jobs: { "sms.send": sms.sendJob, "mail.send": mail.sendJob },
  };
}
