import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/test-database";
import type { SmsMessage, SmsSender } from "../../adapters/sms/sms";
import type { DatabaseHandle } from "../../db/database";
import { UnitOfWork } from "../../db/unit-of-work";
import { systemClock } from "../../shared/clock";
import { SmsService } from "./sms.service";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A provider that fails while `down` and otherwise records what it sent. */
class FakeSender implements SmsSender {
  readonly name = "fake";
  readonly sent: SmsMessage[] = [];
  down = false;
  async send(message: SmsMessage) {
    if (this.down) throw new Error("provider down");
    this.sent.push(message);
    return { providerMessageId: `p-${this.sent.length}` };
  }
}

const messageRow = (id: string) =>
  database.db.selectFrom("sms_messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("SMS sending job", () => {
  it("sends a queued message once and records it as sent", async () => {
    const sender = new FakeSender();
    const sms = new SmsService(new UnitOfWork(database), sender, systemClock);
    const id = await database.db
      .transaction()
      .execute((trx) => sms.queue(trx, "13800000001", "verification_code", { code: "123456" }));
    await sms.sendJob({ messageId: id });
    await sms.sendJob({ messageId: id });
    expect(sender.sent).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider_message_id: "p-1", error: null });
  });

  it("records a refused send as failed and sends it on the retry", async () => {
    const sender = new FakeSender();
    const sms = new SmsService(new UnitOfWork(database), sender, systemClock);
    const id = await sms.queue(database.db, "13800000002", "verification_code", { code: "654321" });
    sender.down = true;
    await expect(sms.sendJob({ messageId: id })).rejects.toThrow("provider down");
    await expect(sms.sendJob({ messageId: id })).rejects.toThrow("provider down");
    expect(await messageRow(id)).toMatchObject({ status: "failed", error: "provider down", sent_at: null });
    sender.down = false;
    await sms.sendJob({ messageId: id });
    expect(await messageRow(id)).toMatchObject({ status: "sent", error: null });
  });
});
