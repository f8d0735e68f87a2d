import {
  defaultInvoiceTitleSchema,
  enterpriseIdParamsSchema,
  invoiceRequestParamsSchema,
  invoiceRequestQuerySchema,
  invoiceRequestViewSchema,
  pageOf,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendStoredFile } from "../../http/uploads";
import type { InvoiceRequestService } from "./invoice-requests.service";

const tags = ["发票"];

/** 【发票管理】 and the payment page's 【编辑发票抬头信息】 prefill. */
export const invoicesRoutes =
  (ctx: { requests: InvoiceRequestService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/invoice-requests",
      {
        config: { permission: "invoice.list" },
        schema: {
          tags,
          summary: "发票管理：当前身份的发票申请（管理员：本单位全部；其他身份：本人的订单）",
          querystring: invoiceRequestQuerySchema,
          response: { 200: pageOf(invoiceRequestViewSchema) },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        return { ...(await ctx.requests.list(request.actor, request.query)), page, pageSize };
      },
    );

    app.get(
      "/invoice-requests/:requestId/file",
      {
        config: { permission: "invoice.download" },
        schema: { tags, summary: "下载已开具的发票（PDF；每次下载均记录审计）", params: invoiceRequestParamsSchema },
      },
      async (request, reply) => {
        const file = await ctx.requests.download(request.actor, request.params.requestId);
        return sendStoredFile(reply, file, { name: `invoice-${file.orderNo}` });
      },
    );

    app.get(
      "/enterprises/:enterpriseId/invoice-title",
      {
        config: { permission: "invoice.default_title.read" },
        schema: {
          tags,
          summary: "默认发票抬头：本单位审核通过的开票信息（未审核通过时为 null）",
          params: enterpriseIdParamsSchema,
          response: { 200: defaultInvoiceTitleSchema },
        },
      },
      async (request) => ({ title: await ctx.requests.defaultTitle(request.actor, request.params.enterpriseId) }),
    );
  };
