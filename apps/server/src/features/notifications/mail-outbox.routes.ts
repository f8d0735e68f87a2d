import { mailOutboxItemSchema, pageOf, pageQuerySchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { MailService } from "./mail.service";

const tags = ["运营后台"];

/** Operator console (mounted under /console): the mail outbox. */
export const mailOutboxConsoleRoutes =
  (ctx: { mail: MailService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/mail-outbox",
      {
        config: { permission: "console.mail_outbox.read" },
        schema: {
          tags,
          summary: "邮件发件箱",
          querystring: pageQuerySchema,
          response: { 200: pageOf(mailOutboxItemSchema) },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        return { ...(await ctx.mail.page(page, pageSize)), page, pageSize };
      },
    );
  };
