import type { MailOutboxItem } from "@lnca/contracts";
import type { Mailer } from "../../adapters/mail/mailer";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { enqueueJob, type JobHandler, type OutboxJobs } from "../outbox/outbox";
import { findAttachedFiles, findEmailMessage, insertEmailMessage, pageEmailMessages } from "./mail-messages.queries";
import { emailMessageMachine } from "./notifications.states";

declare module "../outbox/outbox" {
  interface OutboxJobs {
    "mail.send": { messageId: string };
  }
}

export interface QueuedMail {
  to: string;
  subject: string;
  body: string;
  /** Rows of `files` to attach (never sealed ones: personal information is not mailed). */
  attachmentFileIds?: string[];
}

/**
 * E-mail goes out through the outbox, as SMS do: the message is recorded (pending) and its `mail.send` job
 * enqueued in the caller's transaction; a worker sends it through the Mailer after commit. Every message stays
 * in `email_messages`, whichever mailer sends it, so the console's 邮件发件箱 shows what went out and how.
 */
export class MailService {
  constructor(
    private readonly database: UnitOfWork,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async queue(trx: DbOrTx, mail: QueuedMail): Promise<string> {
    const id = newId();
    const now = this.clock.now();
    await insertEmailMessage(trx, {
      id,
      to_address: mail.to,
      subject: mail.subject,
      body: mail.body,
      attachment_file_ids: JSON.stringify(mail.attachmentFileIds ?? []),
      provider: this.mailer.name,
      status: "pending",
      error: null,
      sent_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await enqueueJob(trx, "mail.send", { messageId: id }, { dedupeKey: `mail:${id}`, now });
    return id;
  }

  /** The job: sends once; a message already sent is not sent again when the job re-runs after a crash. */
  readonly sendJob: JobHandler<OutboxJobs["mail.send"]> = async ({ messageId }) => {
    const message = await findEmailMessage(this.database.db, messageId);
    if (!message || message.status === "sent") return;
    try {
      await this.mailer.send({
        id: message.id,
        to: message.to_address,
        subject: message.subject,
        body: message.body,
        attachmentFileIds: JSON.parse(message.attachment_file_ids) as string[],
      });
    } catch (error) {
      const at = this.clock.now();
      await transition(this.database.db, emailMessageMachine, {
        id: message.id,
        from: message.status,
        to: "failed",
        set: { error: error instanceof Error ? error.message.slice(0, 500) : "发送失败", updated_at: at.toISOString() },
        at,
      });
      throw error;
    }
    const at = this.clock.now();
    await transition(this.database.db, emailMessageMachine, {
      id: message.id,
      from: message.status,
      to: "sent",
      set: { error: null, sent_at: at.toISOString(), updated_at: at.toISOString() },
      at,
    });
  };

  async page(page: number, pageSize: number): Promise<{ items: MailOutboxItem[]; total: number }> {
    const db = this.database.db;
    const result = await pageEmailMessages(db, page, pageSize);
    const attached = result.items.map((m) => JSON.parse(m.attachment_file_ids) as string[]);
    const files = new Map((await findAttachedFiles(db, [...new Set(attached.flat())])).map((f) => [f.id, f]));
    return {
      total: result.total,
      items: result.items.map((m, i) => ({
        id: m.id,
        createdAt: m.created_at,
        to: m.to_address,
        subject: m.subject,
        body: m.body,
        attachments: (attached[i] ?? []).map((fileId) => ({
          fileId,
          name: files.get(fileId)?.original_name ?? null,
          sizeBytes: files.get(fileId)?.size_bytes ?? 0,
        })),
        status: m.status,
        provider: m.provider,
        error: m.error,
        sentAt: m.sent_at,
      })),
    };
  }
}
