import type { SmsOutboxItem } from "@lnca/contracts";
import { renderSms, type SmsSender, type SmsTemplate } from "../../adapters/sms/sms";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { enqueueJob, type JobHandler, type OutboxJobs } from "../outbox/outbox";
import { smsMessageMachine } from "./notifications.states";
import { findSmsMessage, insertSmsMessage, pageSmsMessages } from "./sms-messages.queries";

declare module "../outbox/outbox" {
  interface OutboxJobs {
    "sms.send": { messageId: string };
  }
}

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
    await enqueueJob(trx, "sms.send", { messageId: id }, { dedupeKey: `sms:${id}`, now });
    return id;
  }

  /** The job: sends once; a message already sent is not sent again when the job re-runs after a crash. */
  readonly sendJob: JobHandler<OutboxJobs["sms.send"]> = async ({ messageId }) => {
    const message = await findSmsMessage(this.database.db, messageId);
    if (!message || message.status === "sent") return;
    let providerMessageId: string | null;
    try {
      ({ providerMessageId } = await this.sender.send({
        id: message.id,
        mobile: message.mobile,
        template: message.template as SmsTemplate,
        params: JSON.parse(message.params) as Record<string, string>,
      }));
    } catch (error) {
      const at = this.clock.now();
      await transition(this.database.db, smsMessageMachine, {
        id: message.id,
        from: message.status,
        to: "failed",
        set: { error: error instanceof Error ? error.message.slice(0, 500) : "发送失败", updated_at: at.toISOString() },
        at,
      });
      throw error;
    }
    const at = this.clock.now();
    await transition(this.database.db, smsMessageMachine, {
      id: message.id,
      from: message.status,
      to: "sent",
      set: {
        provider_message_id: providerMessageId,
        error: null,
        sent_at: at.toISOString(),
        updated_at: at.toISOString(),
      },
      at,
    });
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
