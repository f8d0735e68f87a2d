import fastifyMultipart from "@fastify/multipart";
import {
  basicInfoSchema,
  ENTERPRISE_ATTACHMENT_MAX_BYTES,
  enterpriseAttachmentParamsSchema,
  enterpriseIdParamsSchema,
  enterpriseInformationSchema,
  invoicingInfoSchema,
  licenceComparisonSchema,
  revisionAttachmentParamsSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendStoredFile, uploadedFile } from "../../http/uploads";
import type { EnterpriseInformationService } from "./enterprise-information.service";

const tags = ["企业信息"];
const read = { permission: "enterprise.information.read" } as const;
const edit = { permission: "enterprise.information.edit" } as const;
const information = { 200: enterpriseInformationSchema };

/** 【企业信息】→【编辑企业信息】 (J3): the three steps, attachments, licence comparison, 印模采集表, submission. */
export const enterpriseInformationRoutes =
  (ctx: { information: EnterpriseInformationService }): FastifyPluginAsyncZod =>
  async (app) => {
    // Only the attachment upload takes a multipart body (the rest of the API speaks JSON).
    await app.register(fastifyMultipart);
    const base = "/enterprises/:enterpriseId/information";

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: "企业信息：生效版本、最新版本（草稿 / 待审核 / 审核结果）",
          params: enterpriseIdParamsSchema,
          response: information,
        },
      },
      (request) => ctx.information.read(request.actor, request.params.enterpriseId),
    );

    app.put(
      `${base}/draft/basic`,
      {
        config: edit,
        schema: {
          tags,
          summary: "第 1 步 单位基本信息（保存到草稿）",
          params: enterpriseIdParamsSchema,
          body: basicInfoSchema,
          response: information,
        },
      },
      (request) => ctx.information.saveBasic(request.actor, request.params.enterpriseId, request.body),
    );

    app.put(
      `${base}/draft/invoicing`,
      {
        config: edit,
        schema: {
          tags,
          summary: "第 2 步 开票信息（保存到草稿）",
          params: enterpriseIdParamsSchema,
          body: invoicingInfoSchema,
          response: information,
        },
      },
      (request) => ctx.information.saveInvoicing(request.actor, request.params.enterpriseId, request.body),
    );

    app.post(
      `${base}/draft/attachments/:kind`,
      {
        config: edit,
        schema: {
          tags,
          summary: "上传附件（multipart 字段 file；按文件内容识别格式，≤ 5 MB）",
          consumes: ["multipart/form-data"],
          params: enterpriseAttachmentParamsSchema,
          response: information,
        },
      },
      async (request) => {
        await ctx.information.assertMayEdit(request.actor, request.params.enterpriseId);
        const file = await uploadedFile(request, ENTERPRISE_ATTACHMENT_MAX_BYTES);
        return ctx.information.attach(request.actor, request.params.enterpriseId, request.params.kind, file);
      },
    );

    app.post(
      `${base}/draft/recognition`,
      {
        config: edit,
        schema: {
          tags,
          summary: "识别草稿中的营业执照并与填写内容逐项比对",
          params: enterpriseIdParamsSchema,
          response: { 200: licenceComparisonSchema },
        },
      },
      (request) => ctx.information.recognise(request.actor, request.params.enterpriseId),
    );

    app.get(
      `${base}/seal-form`,
      {
        config: edit,
        schema: { tags, summary: "下载电子签章印模采集表（PDF，按本单位信息生成）", params: enterpriseIdParamsSchema },
      },
      async (request, reply) => {
        const pdf = await ctx.information.sealForm(request.actor, request.params.enterpriseId);
        return reply
          .type("application/pdf")
          .header(
            "content-disposition",
            `attachment; filename="seal-form.pdf"; filename*=UTF-8''${encodeURIComponent("电子签章印模采集表.pdf")}`,
          )
          .header("cache-control", "private, no-store")
          .send(Buffer.from(pdf));
      },
    );

    app.post(
      `${base}/draft/submit`,
      {
        config: edit,
        schema: { tags, summary: "提交审核", params: enterpriseIdParamsSchema, response: information },
      },
      (request) => ctx.information.submit(request.actor, request.params.enterpriseId),
    );

    app.get(
      `${base}/revisions/:revisionId/attachments/:kind`,
      {
        config: edit,
        schema: { tags, summary: "查看附件（每次查看均记录审计）", params: revisionAttachmentParamsSchema },
      },
      async (request, reply) => {
        const { enterpriseId, revisionId, kind } = request.params;
        const file = await ctx.information.attachment(request.actor, enterpriseId, revisionId, kind);
        return sendStoredFile(reply, file, { name: kind, inline: true });
      },
    );
  };
