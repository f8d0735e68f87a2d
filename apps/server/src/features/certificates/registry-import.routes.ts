import { registryImportRequestSchema, registryImportResponseSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RegistryImportService } from "./registry-import.service";

const tags = ["运营后台"];

/** Operator console (mounted under /console): importing the old platform's certificate registry. */
export const registryImportConsoleRoutes =
  (ctx: { registry: RegistryImportService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/certificate-registry/import",
      {
        config: { permission: "console.registry.import" },
        schema: {
          tags,
          summary:
            "导入老平台证书名录（CSV：serial,issuer,holder,enterprise_uscc,category,platforms[,enterprise_name]）",
          body: registryImportRequestSchema,
          response: { 200: registryImportResponseSchema },
        },
      },
      (request) => ctx.registry.importCsv(request.actor, request.body.csv),
    );
  };
