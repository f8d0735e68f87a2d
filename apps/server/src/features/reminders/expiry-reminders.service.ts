import type { Logger } from "pino";
import type { UnitOfWork } from "../../db/unit-of-work";
import type { Clock } from "../../shared/clock";
import type { MailService } from "../notifications/mail.service";
import type { SmsService } from "../notifications/sms.service";
import { reminderMail, reminderSmsParams } from "./expiry-reminder.message";
import { daysLeft, stepWindows } from "./expiry-steps";
import { type DueCertificate, listDueCertificates, recordReminder } from "./reminders.queries";

/** The page of the portal where a certificate is renewed (【CA 管理】→【CA 延期年检】). */
export const RENEWAL_PAGE_PATH = "/center/ca";

const PAGE_SIZE = 500;

export interface ScanResult {
  /** Certificate and step pairs this scan reminded (another process's are not counted). */
  reminded: number;
  sms: number;
  mail: number;
  failed: number;
}

interface Recipient {
  name: string | null;
  mobile: string;
  email: string | null;
}

/**
 * Expiry reminders: every certificate is told once per step (EXPIRY_REMINDER_DAYS before it expires), by SMS and,
 * where an address is on file, e-mail, to the holder its key is bound to and to its enterprise's administrator.
 * Any number of processes may scan at once: the reminder's row (certificate, step) is inserted ON CONFLICT DO
 * NOTHING in the transaction that queues the messages, and only the process that inserted it queues them.
 */
export class ExpiryReminderService {
  constructor(
    private readonly deps: {
      database: UnitOfWork;
      clock: Clock;
      logger: Logger;
      sms: SmsService;
      mail: MailService;
      stepsDays: readonly number[];
      publicOrigin: string;
      /** Due certificates read at a time (500). */
      pageSize?: number;
    },
  ) {}

  async scan(): Promise<ScanResult> {
    const { database, clock, logger, stepsDays, pageSize = PAGE_SIZE } = this.deps;
    const now = clock.now();
    const result: ScanResult = { reminded: 0, sms: 0, mail: 0, failed: 0 };
    for (const window of stepWindows(now, stepsDays)) {
      let after: { notAfter: string; id: string } | null = null;
      for (;;) {
        const due = await listDueCertificates(database.db, window, { after, limit: pageSize });
        for (const certificate of due) {
          try {
            const queued = await this.remind(certificate, window.stepDays, now);
            if (!queued) continue;
            result.reminded += 1;
            result.sms += queued.sms;
            result.mail += queued.mail;
          } catch (err) {
            // The reminder rolled back with its messages: the next scan tries it again.
            result.failed += 1;
            logger.error({ err, certificateId: certificate.id }, "expiry reminder failed");
          }
        }
        const last = due.at(-1);
        if (!last || due.length < pageSize) break;
        after = { notAfter: last.not_after ?? "", id: last.id };
      }
    }
    if (result.reminded > 0 || result.failed > 0) logger.info(result, "expiry reminders");
    return result;
  }

  /** The messages of one certificate and step, or null when there is nobody to tell or it was told already. */
  private async remind(
    certificate: DueCertificate,
    stepDays: number,
    now: Date,
  ): Promise<{ sms: number; mail: number } | null> {
    const recipients = recipientsOf(certificate);
    if (recipients.length === 0 || !certificate.not_after) return null;
    const notAfter = new Date(certificate.not_after);
    const facts = {
      holder: certificate.holder_name,
      category: certificate.category_name ?? "CA 数字证书",
      serialNumber: certificate.serial_number,
      notAfter,
      daysLeft: daysLeft(notAfter, now),
      link: `${this.deps.publicOrigin}${RENEWAL_PAGE_PATH}`,
    };
    const { sms, mail } = this.deps;
    return this.deps.database.transaction(async (trx) => {
      const recorded = await recordReminder(trx, {
        certificate_id: certificate.id,
        step_days: stepDays,
        not_after: certificate.not_after ?? "",
        created_at: now.toISOString(),
      });
      if (!recorded) return null;
      let mails = 0;
      for (const recipient of recipients) {
        await sms.queue(trx, recipient.mobile, "certificate_expiry_reminder", reminderSmsParams(facts));
        if (recipient.email) {
          await mail.queue(trx, { to: recipient.email, ...reminderMail(facts, recipient.name) });
          mails += 1;
        }
      }
      return { sms: recipients.length, mail: mails };
    });
  }
}

/** The key's holder (when the key is bound) and the enterprise's administrator, each once. */
function recipientsOf(c: DueCertificate): Recipient[] {
  const recipients: Recipient[] = [];
  if (c.holder_user_id && c.holder_mobile) {
    recipients.push({ name: c.holder_user_name, mobile: c.holder_mobile, email: c.holder_email });
  }
  if (c.admin_user_id && c.admin_mobile && c.admin_user_id !== c.holder_user_id) {
    recipients.push({ name: c.admin_user_name, mobile: c.admin_mobile, email: c.admin_email });
  }
  return recipients;
}
