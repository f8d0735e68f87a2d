/** One e-mail (plain text), as a feature hands it over to be sent. */
export interface MailMessage {
  /** Our own id: a re-sent message (a retried outbox job) is recognised by it and recorded once. */
  id: string;
  to: string;
  subject: string;
  body: string;
  /** Rows of `files` to attach; their bytes are in ObjectStorage under each row's sha256. */
  attachmentFileIds?: string[];
}

/**
 * One way of sending e-mail (invoices, review outcomes). `send` throws on failure: features send through an
 * outbox job, which retries with backoff. The embedded default is the outbox mailer (nothing leaves the
 * machine; the console shows what would have gone out); an SMTP mailer comes with the first journey that
 * sends mail in production.
 */
export interface Mailer {
  readonly name: string;
  send(message: MailMessage): Promise<{ providerMessageId: string | null }>;
}
