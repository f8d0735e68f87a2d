import { certificateIdParamsSchema, certificateSummarySchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authorize } from "../policy/policy";
import type { CertificateDirectory } from "./certificate-directory.service";

/** Portal: a certificate, for its holder and its enterprise's administrator (404 unknown, 403 outsider). */
export const certificatesRoutes =
  (ctx: { certificates: CertificateDirectory }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/certificates/:certificateId",
      {
        config: { permission: "certificate.read" },
        schema: {
          tags: ["证书"],
          summary: "证书详情（持有人本人或本单位管理员可查看）",
          params: certificateIdParamsSchema,
          response: { 200: certificateSummarySchema },
        },
      },
      async (request) => {
        const { resource, summary } = await ctx.certificates.find(request.params.certificateId);
        authorize(request.actor, "certificate.read", resource);
        return summary;
      },
    );
  };
