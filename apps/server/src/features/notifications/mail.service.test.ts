import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/test-database";
import type { Mailer, MailMessage } from "../../adapters/mail/mailer";
import type { DatabaseHandle } from "../../db/database";
import { UnitOfWork } from "../../db/unit-of-work";
import { systemClock } from "../../shared/clock";
import { MailService } from "./mail.service";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A mailer that fails while `down` and otherwise records what it sent. */
class FakeMailer implements Mailer {
  readonly name = "fake";
  readonly sent: MailMessage[] = [];
  down = false;
  async send(message: MailMessage) {
    if (this.down) throw new Error("smtp down");
    this.sent.push(message);
    return { providerMessageId: `m-${this.sent.length}` };
  }
}

const messageRow = (id: string) =>
  database.db.selectFrom("email_messages").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("mail sending job", () => {
  it("queues the message with its job in the caller's transaction, sends it once and records it", async () => {
    const mailer = new FakeMailer();
    const mail = new MailService(new UnitOfWork(database), mailer, systemClock);
    const message = { to: "a@example.com", subject: "发票已开具", body: "正文", attachmentFileIds: ["f-1"] };
    const id = await database.db.transaction().execute((trx) => mail.queue(trx, message));
    expect(await messageRow(id)).toMatchObject({ status: "pending", provider: "fake", attachment_file_ids: '["f-1"]' });
    await mail.sendJob({ messageId: id });
    await mail.sendJob({ messageId: id });
    expect(mailer.sent).toEqual([{ id, ...message }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", error: null, sent_at: expect.any(String) });
  });

  it("records a refused send as failed and sends it on the retry", async () => {
    const mailer = new FakeMailer();
    const mail = new MailService(new UnitOfWork(database), mailer, systemClock);
    const id = await mail.queue(database.db, { to: "b@example.com", subject: "主题", body: "正文" });
    mailer.down = true;
    await expect(mail.sendJob({ messageId: id })).rejects.toThrow("smtp down");
    expect(await messageRow(id)).toMatchObject({ status: "failed", error: "smtp down", sent_at: null });
    mailer.down = false;
    await mail.sendJob({ messageId: id });
    expect(await messageRow(id)).toMatchObject({ status: "sent", error: null });
    expect(mailer.sent).toHaveLength(1);
  });
});
