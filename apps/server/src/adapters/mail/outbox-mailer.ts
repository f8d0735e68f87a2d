import type { Logger } from "pino";
import type { Db } from "../../db/database";
import type { Clock } from "../../shared/clock";
import type { Mailer, MailMessage } from "./mailer";
import { recordEmailMessage } from "./outbox-mailer.queries";

/**
 * The embedded default: nothing leaves the machine. The message is written to the server log and kept in
 * `email_messages` as sent by `outbox`, for the operator console to show (邮件发件箱). A feature that records
 * the message itself first, under the same id, keeps its own row: the mailer's record is then skipped.
 */
export class OutboxMailer implements Mailer {
  readonly name = "outbox";

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async send(message: MailMessage): Promise<{ providerMessageId: string | null }> {
    const now = this.clock.now().toISOString();
    await recordEmailMessage(this.db, {
      id: message.id,
      to_address: message.to,
      subject: message.subject,
      body: message.body,
      attachment_file_ids: JSON.stringify(message.attachmentFileIds ?? []),
      provider: this.name,
      status: "sent",
      error: null,
      sent_at: now,
      created_at: now,
      updated_at: now,
    });
    this.logger.info({ mail: { to: message.to, subject: message.subject } }, "邮件发件箱");
    return { providerMessageId: null };
  }
}
