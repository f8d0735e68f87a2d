import fastifyMultipart from "@fastify/multipart";
import {
  consoleInvoiceQuerySchema,
  consoleInvoiceRequestSchema,
  INVOICE_PDF_MAX_BYTES,
  invoiceRequestParamsSchema,
  invoiceRequestViewSchema,
  pageOf,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { uploadedFile } from "../../http/uploads";
import type { InvoiceIssueService } from "./invoice-issue.service";

const tags = ["运营后台"];

/** Operator console (mounted under /console): the queue of invoice requests of paid orders, and issuing them. */
export const invoicesConsoleRoutes =
  (ctx: { issue: InvoiceIssueService }): FastifyPluginAsyncZod =>
  async (app) => {
    // Only 【标记已开具】 takes a multipart body (the invoice PDF).
    await app.register(fastifyMultipart);

    app.get(
      "/invoice-requests",
      {
        config: { permission: "console.invoice.read" },
        schema: {
          tags,
          summary: "发票申请队列（仅已支付的订单）",
          querystring: consoleInvoiceQuerySchema,
          response: { 200: pageOf(consoleInvoiceRequestSchema) },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        return { ...(await ctx.issue.queue(request.query)), page, pageSize };
      },
    );

    app.post(
      "/invoice-requests/:requestId/issue",
      {
        config: { permission: "console.invoice.issue" },
        schema: {
          tags,
          summary: "标记已开具：上传发票 PDF（multipart 字段 file，≤ 5 MB），并发送至接收邮箱",
          consumes: ["multipart/form-data"],
          params: invoiceRequestParamsSchema,
          response: { 200: invoiceRequestViewSchema },
        },
      },
      async (request) => {
        const file = await uploadedFile(request, INVOICE_PDF_MAX_BYTES, "INVOICE_PDF_TOO_LARGE");
        return ctx.issue.issue(request.actor, request.params.requestId, file);
      },
    );

    app.post(
      "/invoice-requests/:requestId/demo-issue",
      {
        config: { permission: "console.invoice.issue" },
        schema: {
          tags,
          summary: "生成演示发票并标记已开具（仅演示环境）",
          params: invoiceRequestParamsSchema,
          response: { 200: invoiceRequestViewSchema },
        },
      },
      (request) => ctx.issue.issueDemo(request.actor, request.params.requestId),
    );
  };
