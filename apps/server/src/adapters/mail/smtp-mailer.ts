import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config/config";
import type { DbOrTx } from "../../db/database";
import type { ObjectStorage } from "../storage/object-storage";
import { findAttachmentFiles } from "./mail-attachments.queries";
import type { Mailer, MailMessage } from "./mailer";

export type SmtpSettings = Extract<Config["mail"], { provider: "smtp" }>;

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

/**
 * Production mail: an SMTP server (the enterprise's own, or a provider's relay) through nodemailer. The
 * message carries our id as its Message-ID, so a copy sent again by a retried job is recognisable as the same
 * message. Attachments are read from storage by their `files` rows; a sealed file (personal information) is
 * never mailed.
 */
export class SmtpMailer implements Mailer {
  readonly name = "smtp";
  private readonly transport: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly db: DbOrTx,
    private readonly storage: ObjectStorage,
  ) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.auth ? { auth: settings.auth } : {}),
    });
  }

  async send(message: MailMessage): Promise<{ providerMessageId: string | null }> {
    const info = await this.transport.sendMail({
      from: this.settings.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.id}@lnca.mail>`,
      attachments: await this.attachments(message.attachmentFileIds ?? []),
    });
    return { providerMessageId: info.messageId ?? null };
  }

  private async attachments(ids: string[]) {
    const rows = new Map((await findAttachmentFiles(this.db, ids)).map((row) => [row.id, row]));
    return Promise.all(
      ids.map(async (id) => {
        const row = rows.get(id);
        if (!row) throw new Error(`attachment ${id} is not a stored file`);
        if (row.sealed) throw new Error(`attachment ${id} is sealed personal information and is not mailed`);
        const bytes = await this.storage.get(row.sha256);
        if (!bytes) throw new Error(`attachment ${id} is missing from storage`);
        return {
          filename: row.original_name ?? `${id}.${EXTENSIONS[row.media_type] ?? "bin"}`,
          content: Buffer.from(bytes),
          contentType: row.media_type,
        };
      }),
    );
  }
}
