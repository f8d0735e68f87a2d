import type { SmsSender } from "../../adapters/sms/sms";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import { SmsService } from "./sms.service";
import { smsOutboxConsoleRoutes } from "./sms-outbox.routes";

export interface NotificationsServices {
  sms: SmsService;
}

/** SMS through the outbox: queued in the caller's transaction, sent by the `sms.send` job. */
export function notificationsModule(
  runtime: Runtime,
  deps: { smsSender: SmsSender },
): FeatureModule<NotificationsServices> {
  const sms = new SmsService(runtime.database, deps.smsSender, runtime.clock);
  return {
    name: "notifications",
    services: { sms },
    routes: { console: smsOutboxConsoleRoutes({ sms }) },
    jobs: { "sms.send": sms.sendJob },
  };
}
