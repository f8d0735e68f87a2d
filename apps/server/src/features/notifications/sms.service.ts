import type { SmsOutboxItem } from "@lnca/contracts";
import { renderSms, type SmsSender, type SmsTemplate } from "../../adapters/sms/sms";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { enqueueJob } from "../outbox/outbox";
import { findSmsMessage, insertSmsMessage, pageSmsMessages, updateSmsMessage } from "./sms-messages.queries";

export const SMS_SEND_JOB = "sms.send";

/** SMS go out through the outbox: queued in the caller's transaction, sent after commit by a worker. */
export class SmsService {
  constructor(
    private readonly database: UnitOfWork,
    private readonly sender: SmsSender,
    private readonly clock: Clock,
  ) {}

  async queue(trx: DbOrTx, mobile: string, template: SmsTemplate, params: Record<string, string>): Promise<string> {
    const id = newId();
    const now = this.clock.now();
    await insertSmsMessage(trx, {
      id,
      mobile,
      template,
      params: JSON.stringify(params),
      content: renderSms(template, params),
      provider: this.sender.name,
      status: "pending",
      provider_message_id: null,
      error: null,
      sent_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await enqueueJob(trx, SMS_SEND_JOB, { messageId: id }, { dedupeKey: `sms:${id}`, now });
    return id;
  }

  /** The job: sends once; a message already sent is not sent again when the job re-runs after a crash. */
  readonly sendJob = async (payload: Record<string, unknown>): Promise<void> => {
    const message = await findSmsMessage(this.database.db, String(payload.messageId));
    if (!message || message.status === "sent") return;
    try {
      const result = await this.sender.send({
        id: message.id,
        mobile: message.mobile,
        template: message.template as SmsTemplate,
        params: JSON.parse(message.params) as Record<string, string>,
      });
      const now = this.clock.now().toISOString();
      await updateSmsMessage(this.database.db, message.id, {
        status: "sent",
        provider_message_id: result.providerMessageId,
        error: null,
        sent_at: now,
        updated_at: now,
      });
    } catch (error) {
      await updateSmsMessage(this.database.db, message.id, {
        status: "failed",
        error: error instanceof Error ? error.message.slice(0, 500) : "发送失败",
        updated_at: this.clock.now().toISOString(),
      });
      throw error;
    }
  };

  async page(page: number, pageSize: number): Promise<{ items: SmsOutboxItem[]; total: number }> {
    const result = await pageSmsMessages(this.database.db, page, pageSize);
    return {
      total: result.total,
      items: result.items.map((m) => ({
        id: m.id,
        createdAt: m.created_at,
        mobile: m.mobile,
        template: m.template,
        content: m.content,
        status: m.status,
        provider: m.provider,
      })),
    };
  }
}
