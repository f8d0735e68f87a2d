import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../../../test/support/test-app";
import { createTestDatabase } from "../../../test/support/test-database";
import type { DatabaseHandle } from "../../db/database";
import { newId } from "../../shared/ids";
import { OutboxMailer } from "./outbox-mailer";
import { findEmailMessage } from "./outbox-mailer.queries";

let handle: DatabaseHandle;
const clock = new TestClock(new Date("2025-03-01T02:00:00Z"));
const logged: unknown[] = [];
const logger = pino({ level: "info" }, { write: (line: string) => logged.push(JSON.parse(line)) });

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe(`outbox mailer (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("keeps the message as sent by the outbox, for the console, and logs it", async () => {
    const mailer = new OutboxMailer(handle.db, clock, logger);
    const id = newId();
    const result = await mailer.send({
      id,
      to: "finance@example.com",
      subject: "发票已开具",
      body: "您的发票已开具，请查收附件。",
      attachmentFileIds: ["file-1"],
    });
    expect(result).toEqual({ providerMessageId: null });
    expect(await findEmailMessage(handle.db, id)).toMatchObject({
      to_address: "finance@example.com",
      subject: "发票已开具",
      body: "您的发票已开具，请查收附件。",
      attachment_file_ids: '["file-1"]',
      provider: "outbox",
      status: "sent",
      sent_at: "2025-03-01T02:00:00.000Z",
    });
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: "邮件发件箱", mail: { to: "finance@example.com", subject: "发票已开具" } }),
    );
  });

  it("records a message sent twice (a retried job) once, as it was first", async () => {
    const mailer = new OutboxMailer(handle.db, clock, logger);
    const message = { id: newId(), to: "a@example.com", subject: "一", body: "正文" };
    await mailer.send(message);
    await Promise.all([mailer.send({ ...message, subject: "二" }), mailer.send({ ...message, subject: "二" })]);
    const rows = await handle.db.selectFrom("email_messages").selectAll().where("id", "=", message.id).execute();
    expect(rows.map((r) => r.subject)).toEqual(["一"]);
  });
});
