import {
  interopPlatformSchema,
  issuedPlatformKeySchema,
  issuedWebhookSecretSchema,
  pageOf,
  webhookDeliveriesQuerySchema,
  webhookDeliverySchema,
  webhookUrlRequestSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { PlatformCredentials } from "./platform-credentials.service";
import type { InteropEvents } from "./webhook-events.service";

const tags = ["运营后台"];
const platformParams = z.object({ platformId: z.string().min(1).max(64) });
const deliveryParams = z.object({ deliveryId: z.string().min(1).max(80) });

/** Operator console (mounted under /console): platform credentials and the webhook delivery log (投递记录). */
export const interopConsoleRoutes =
  (ctx: { platformCredentials: PlatformCredentials; interopEvents: InteropEvents }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/interop/platforms",
      {
        config: { permission: "console.interop.read" },
        schema: { tags, summary: "应用平台的互通凭证", response: { 200: z.array(interopPlatformSchema) } },
      },
      async () => ctx.platformCredentials.list(),
    );

    app.post(
      "/interop/platforms/:platformId/key",
      {
        config: { permission: "console.interop.manage" },
        schema: {
          tags,
          summary: "生成或轮换平台密钥（仅显示一次）",
          params: platformParams,
          response: { 200: issuedPlatformKeySchema },
        },
      },
      async (request) => ctx.platformCredentials.issueKey(request.actor, request.params.platformId),
    );

    app.put(
      "/interop/platforms/:platformId/webhook",
      {
        config: { permission: "console.interop.manage" },
        schema: { tags, summary: "设置推送地址", params: platformParams, body: webhookUrlRequestSchema },
      },
      async (request, reply) => {
        await ctx.platformCredentials.setWebhookUrl(request.actor, request.params.platformId, request.body.url);
        return reply.status(204).send();
      },
    );

    app.post(
      "/interop/platforms/:platformId/webhook-secret",
      {
        config: { permission: "console.interop.manage" },
        schema: {
          tags,
          summary: "生成或轮换推送签名密钥（仅显示一次）",
          params: platformParams,
          response: { 200: issuedWebhookSecretSchema },
        },
      },
      async (request) => ctx.platformCredentials.issueWebhookSecret(request.actor, request.params.platformId),
    );

    app.get(
      "/interop/deliveries",
      {
        config: { permission: "console.interop.read" },
        schema: {
          tags,
          summary: "投递记录",
          querystring: webhookDeliveriesQuerySchema,
          response: { 200: pageOf(webhookDeliverySchema) },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        return { ...(await ctx.interopEvents.page(request.query)), page, pageSize };
      },
    );

    app.post(
      "/interop/deliveries/:deliveryId/redeliver",
      {
        config: { permission: "console.interop.manage" },
        schema: { tags, summary: "重新投递", params: deliveryParams },
      },
      async (request, reply) => {
        await ctx.interopEvents.redeliver(request.actor, request.params.deliveryId);
        return reply.status(204).send();
      },
    );
  };
