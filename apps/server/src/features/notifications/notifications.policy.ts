import { operator } from "../policy/rules";

export const notificationsPolicy = {
  "console.sms_outbox.read": operator,
  "console.mail_outbox.read": operator,
} as const;
