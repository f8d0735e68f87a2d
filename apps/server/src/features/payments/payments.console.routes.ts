import {
  consoleOrderQuerySchema,
  consolePaymentSchema,
  dailyTotalsSchema,
  orderIdParamsSchema,
  pageOf,
  refundIdParamsSchema,
  refundRequestSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { PaymentLedger } from "./payment-ledger.service";
import type { RefundService } from "./refunds.service";

const tags = ["运营后台"];

/** Operator console (mounted under /console): payments, a day's totals, refunds. */
export const paymentsConsoleRoutes =
  (ctx: { ledger: PaymentLedger; refunds: RefundService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/payments",
      {
        config: { permission: "console.payment.read" },
        schema: {
          tags,
          summary: "支付记录：按订单号、企业、持证人、日期、支付方式、订单状态查询",
          querystring: consoleOrderQuerySchema,
          response: { 200: pageOf(consolePaymentSchema) },
        },
      },
      (request) => ctx.ledger.search(request.query),
    );

    app.get(
      "/payments/daily-totals",
      {
        config: { permission: "console.payment.read" },
        schema: {
          tags,
          summary: "当日各支付方式收款与退款合计（北京时间）",
          querystring: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD") }),
          response: { 200: dailyTotalsSchema },
        },
      },
      (request) => ctx.ledger.dailyTotals(request.query.date),
    );

    app.post(
      "/renewal-orders/:id/refunds",
      {
        config: { permission: "console.renewal_order.refund" },
        schema: {
          tags,
          summary: "退款：整单或所选证书（尚未更新的），须填写原因",
          params: orderIdParamsSchema,
          body: refundRequestSchema,
          response: { 200: z.object({ refundId: z.string() }) },
        },
      },
      (request) => ctx.refunds.refundOrder(request.actor, request.params.id, request.body),
    );

    app.post(
      "/refunds/:refundId/retry",
      {
        config: { permission: "console.renewal_order.refund" },
        schema: {
          tags,
          summary: "重新退款：支付机构拒绝的最近一笔退款，以新的退款单号再次申请",
          params: refundIdParamsSchema,
          response: { 200: z.object({ refundId: z.string() }) },
        },
      },
      (request) => ctx.refunds.retry(request.actor, request.params.refundId),
    );
  };
