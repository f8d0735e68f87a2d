import { z } from "zod";

/** One e-mail of the mail outbox (邮件发件箱) in the console: what went out, or would have, and how it went. */
export const mailOutboxItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ fileId: z.string(), name: z.string().nullable(), sizeBytes: z.number().int() })),
  status: z.enum(["pending", "sent", "failed"]),
  provider: z.string(),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type MailOutboxItem = z.infer<typeof mailOutboxItemSchema>;
