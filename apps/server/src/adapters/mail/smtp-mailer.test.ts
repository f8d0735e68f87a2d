import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfBytes } from "../../../test/support/factories";
import { createTestDatabase } from "../../../test/support/test-database";
import type { DatabaseHandle } from "../../db/database";
import { newId } from "../../shared/ids";
import { LocalObjectStorage } from "../storage/local-object-storage";
import { SmtpMailer, type SmtpSettings } from "./smtp-mailer";

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: Buffer;
}

let handle: DatabaseHandle;
let storageDir: string;
let storage: LocalObjectStorage;
let server: SMTPServer;
let settings: SmtpSettings;
const received: Received[] = [];

/** A real SMTP server on a free local port: it requires the configured login and keeps what it is sent. */
function startServer(): Promise<number> {
  server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      if (auth.username === "platform" && auth.password === "smtp-secret") callback(null, { user: auth.username });
      else callback(new Error("535 用户名或密码错误"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port)),
  );
}

/** A stored file row (as the invoice issue records it), its bytes in storage. */
async function storedFile(bytes: Buffer, name: string, sealed = 0): Promise<string> {
  const { key } = await storage.put(bytes);
  const id = newId();
  await handle.db
    .insertInto("files")
    .values({
      id,
      sha256: key,
      size_bytes: bytes.length,
      media_type: "application/pdf",
      original_name: name,
      purpose: "invoice",
      uploaded_by_user_id: null,
      sealed,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  storageDir = mkdtempSync(path.join(tmpdir(), "lnca-smtp-"));
  storage = new LocalObjectStorage(storageDir);
  const port = await startServer();
  settings = {
    provider: "smtp",
    host: "127.0.0.1",
    port,
    secure: false,
    auth: { user: "platform", pass: "smtp-secret" },
    from: "辽宁 CA 互联互通服务平台 <noreply@lnca.example>",
  };
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
  rmSync(storageDir, { recursive: true, force: true });
});

describe(`SMTP mailer (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("sends the message with its PDF attached to a real SMTP server, logged in", async () => {
    const pdf = pdfBytes();
    const fileId = await storedFile(pdf, "发票-PL20250301000001.pdf");
    const id = newId();
    const mailer = new SmtpMailer(settings, handle.db, storage);
    const result = await mailer.send({
      id,
      to: "finance@example.com",
      subject: "【辽宁 CA 互联互通服务平台】您的发票已开具（订单号 PL20250301000001）",
      body: "您好：\n\n发票 PDF 见本邮件附件。",
      attachmentFileIds: [fileId],
    });
    expect(result.providerMessageId).toBe(`<${id}@lnca.mail>`);
    const delivered = received.at(-1);
    expect(delivered).toMatchObject({ from: "noreply@lnca.example", to: ["finance@example.com"], user: "platform" });
    const parsed = await simpleParser(delivered?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe("【辽宁 CA 互联互通服务平台】您的发票已开具（订单号 PL20250301000001）");
    expect(parsed.messageId).toBe(`<${id}@lnca.mail>`);
    expect(parsed.text?.trim()).toBe("您好：\n\n发票 PDF 见本邮件附件。");
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({
      filename: "发票-PL20250301000001.pdf",
      contentType: "application/pdf",
    });
    expect(parsed.attachments[0]?.content.equals(pdf)).toBe(true);
  });

  it("fails (for the job to retry) when the server refuses the login, and never mails a sealed file", async () => {
    const count = received.length;
    const wrong = new SmtpMailer({ ...settings, auth: { user: "platform", pass: "wrong" } }, handle.db, storage);
    await expect(wrong.send({ id: newId(), to: "a@example.com", subject: "主题", body: "正文" })).rejects.toThrow();
    const sealed = await storedFile(pdfBytes(), "身份证.pdf", 1);
    const mailer = new SmtpMailer(settings, handle.db, storage);
    await expect(
      mailer.send({ id: newId(), to: "a@example.com", subject: "主题", body: "正文", attachmentFileIds: [sealed] }),
    ).rejects.toThrow("sealed");
    expect(received).toHaveLength(count);
  });
});
