import {
  consoleOrderQuerySchema,
  orderIdParamsSchema,
  renewalOrderPageSchema,
  renewalOrderSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RenewalOrderService } from "./renewal-orders.service";

const tags = ["运营后台"];

/** Operator console (mounted under /console): every enterprise's orders. */
export const renewalsConsoleRoutes =
  (ctx: { orders: RenewalOrderService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/renewal-orders",
      {
        config: { permission: "console.renewal_order.read" },
        schema: {
          tags,
          summary: "订单查询：订单号、企业、持证人、日期、支付方式、状态",
          querystring: consoleOrderQuerySchema,
          response: { 200: renewalOrderPageSchema },
        },
      },
      (request) => ctx.orders.search(request.query),
    );

    app.get(
      "/renewal-orders/:id",
      {
        config: { permission: "console.renewal_order.read" },
        schema: { tags, summary: "订单详情", params: orderIdParamsSchema, response: { 200: renewalOrderSchema } },
      },
      (request) => ctx.orders.consoleGet(request.params.id),
    );
  };
