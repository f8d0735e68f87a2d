import {
  idempotencyHeadersSchema,
  orderIdParamsSchema,
  pendingKeyUpdatesSchema,
  renewableCertificatesResponseSchema,
  renewalOrderListQuerySchema,
  renewalOrderPageSchema,
  renewalOrderRequestSchema,
  renewalOrderSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RenewalOrderService } from "./renewal-orders.service";

const tags = ["CA 延期年检"];
const order = { 200: renewalOrderSchema };

/** Portal (under /api/v1): 【CA 延期年检】, 【提交订单】, 【订单管理】, 【更新数字证书】's list. */
export const renewalsRoutes =
  (ctx: { orders: RenewalOrderService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/renewals/certificates",
      {
        config: { permission: "renewal.certificates.read" },
        schema: {
          tags,
          summary: "当前身份可延期的 CA 数字证书（管理员：本单位全部；其他：本人），及未满足的前提",
          response: { 200: renewableCertificatesResponseSchema },
        },
      },
      (request) => ctx.orders.renewable(request.actor),
    );

    app.get(
      "/renewals/updates",
      {
        config: { permission: "renewal.certificates.read" },
        schema: {
          tags,
          summary: "【更新数字证书】：本人已支付、待更新的证书",
          response: { 200: pendingKeyUpdatesSchema },
        },
      },
      (request) => ctx.orders.pendingUpdates(request.actor),
    );

    app.post(
      "/renewal-orders",
      {
        config: { permission: "renewal_order.create" },
        schema: {
          tags,
          summary: "提交订单：价格按下单时的目录在服务端计算并保存；同一证书同时只能在一个未完成订单中",
          headers: idempotencyHeadersSchema,
          body: renewalOrderRequestSchema,
          response: { 201: renewalOrderSchema },
        },
      },
      async (request, reply) => {
        const created = await ctx.orders.create(request.actor, request.body, request.headers["idempotency-key"]);
        return reply.status(201).send(created);
      },
    );

    app.get(
      "/renewal-orders",
      {
        config: { permission: "renewal_order.list" },
        schema: {
          tags,
          summary: "订单管理（管理员：本单位全部订单；其他：本人的订单）",
          querystring: renewalOrderListQuerySchema,
          response: { 200: renewalOrderPageSchema },
        },
      },
      (request) => ctx.orders.list(request.actor, request.query),
    );

    app.get(
      "/renewal-orders/:id",
      {
        config: { permission: "renewal_order.read" },
        schema: { tags, summary: "订单详情", params: orderIdParamsSchema, response: order },
      },
      (request) => ctx.orders.get(request.actor, request.params.id),
    );

    app.post(
      "/renewal-orders/:id/cancel",
      {
        config: { permission: "renewal_order.cancel" },
        schema: { tags, summary: "取消未支付的订单", params: orderIdParamsSchema, response: order },
      },
      (request) => ctx.orders.cancel(request.actor, request.params.id),
    );
  };
