import {
  certificateCategorySchema,
  platformSchema,
  quoteRequestSchema,
  quoteResponseSchema,
  servicePointSchema,
  vendorSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context";

const tags = ["目录与价格"];

export const catalogRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const publicRead = { permission: "public" as const };
    app.get(
      "/catalog/platforms",
      {
        config: publicRead,
        schema: { tags, summary: "应用平台及关联费用", response: { 200: z.array(platformSchema) } },
      },
      () => ctx.catalog.platforms(),
    );
    app.get(
      "/catalog/certificate-categories",
      {
        config: publicRead,
        schema: { tags, summary: "CA 证类别及基础费用", response: { 200: z.array(certificateCategorySchema) } },
      },
      () => ctx.catalog.categories(),
    );
    app.get(
      "/catalog/vendors",
      { config: publicRead, schema: { tags, summary: "证书厂商", response: { 200: z.array(vendorSchema) } } },
      () => ctx.catalog.vendors(),
    );
    app.get(
      "/catalog/service-points",
      { config: publicRead, schema: { tags, summary: "办理点", response: { 200: z.array(servicePointSchema) } } },
      () => ctx.catalog.servicePoints(),
    );
    app.post(
      "/catalog/quote",
      {
        // A pure computation over public prices: nothing to forge, so no CSRF token is needed.
        config: { ...publicRead, csrfExempt: true },
        schema: {
          tags,
          summary: "延期价格计算：类别基础费 + 所选平台关联费之和（单位：分）",
          body: quoteRequestSchema,
          response: { 200: quoteResponseSchema },
        },
      },
      (request) => ctx.catalog.quote(request.body),
    );
  };
