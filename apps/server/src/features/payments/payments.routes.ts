import {
  orderIdParamsSchema,
  paymentIdParamsSchema,
  paymentStartRequestSchema,
  paymentStartSchema,
  paymentStateSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PaymentChannel } from "../../adapters/payments/payment-provider";
import type { PaymentService } from "./payments.service";

const tags = ["支付"];

/** Portal (under /api/v1): 【立即支付】 and the cashier page's polling. */
export const paymentsRoutes =
  (ctx: { payments: PaymentService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/renewal-orders/:id/payments",
      {
        config: { permission: "renewal_order.pay" },
        schema: {
          tags,
          summary: "立即支付：选择支付方式（支付宝 / 微信支付）与发票，返回收银台地址或二维码内容",
          params: orderIdParamsSchema,
          body: paymentStartRequestSchema,
          response: { 200: paymentStartSchema },
        },
      },
      (request) => ctx.payments.start(request.actor, request.params.id, request.body),
    );

    app.get(
      "/payments/:paymentId",
      {
        config: { permission: "payment.read" },
        schema: {
          tags,
          summary: "支付状态（收银台页面轮询）",
          params: paymentIdParamsSchema,
          response: { 200: paymentStateSchema },
        },
      },
      (request) => ctx.payments.state(request.actor, request.params.paymentId),
    );

    await app.register(notificationRoutes(ctx));
  };

/**
 * The providers' asynchronous notifications, at the fixed paths the merchants are configured with. Their
 * signatures cover the exact bytes sent, so this plugin keeps every body as raw bytes (its own parsers only).
 */
const notificationRoutes =
  (ctx: { payments: PaymentService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    const channels: PaymentChannel[] = ["alipay", "wechat"];
    for (const channel of channels) {
      app.post(
        `/payments/${channel}/notify`,
        {
          config: { permission: "payment.notify", csrfExempt: true },
          schema: {
            tags,
            summary:
              channel === "alipay" ? "支付宝异步通知（验签：支付宝公钥）" : "微信支付 APIv3 回调通知（验签、解密）",
          },
        },
        async (request, reply) => {
          const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const answer = await ctx.payments.notify(channel, { headers: request.headers, rawBody });
          return reply
            .status(answer.status)
            .type(channel === "alipay" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8")
            .send(answer.body);
        },
      );
    }
  };
