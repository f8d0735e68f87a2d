import type { Logger } from "pino";
import { renderSms, type SmsMessage, type SmsSender } from "./sms";

/**
 * The embedded default: nothing leaves the machine. The message stays in the sms_messages table (shown in
 * the operator console's 短信发件箱) and is written to the server log so a developer can read the code.
 */
export class OutboxSmsSender implements SmsSender {
  readonly name = "outbox";

  constructor(private readonly logger: Logger) {}

  async send(message: SmsMessage): Promise<{ providerMessageId: string | null }> {
    this.logger.info({ sms: { to: message.mobile, text: renderSms(message.template, message.params) } }, "短信发件箱");
    return { providerMessageId: null };
  }
}
