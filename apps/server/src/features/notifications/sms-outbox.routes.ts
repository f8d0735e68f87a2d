import { pageOf, pageQuerySchema, smsOutboxItemSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { SmsService } from "./sms.service";

const tags = ["运营后台"];

/** Operator console (mounted under /console): the SMS outbox. */
export const smsOutboxConsoleRoutes =
  (ctx: { sms: SmsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/sms-outbox",
      {
        config: { permission: "console.sms_outbox.read" },
        schema: {
          tags,
          summary: "短信发件箱",
          querystring: pageQuerySchema,
          response: { 200: pageOf(smsOutboxItemSchema) },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        return { ...(await ctx.sms.page(page, pageSize)), page, pageSize };
      },
    );
  };
