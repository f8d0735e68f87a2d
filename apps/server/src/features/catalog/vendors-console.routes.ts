import { consoleVendorSchema, vendorCreateSchema, vendorUpdateSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { VendorAdminService } from "./vendor-admin.service";

const tags = ["运营后台"];
const codeParams = z.object({ code: z.string().min(1).max(64) });

/** Operator console (mounted under /console): vendors and the CA adapter that renews their certificates. */
export const vendorsConsoleRoutes =
  (ctx: { vendorAdmin: VendorAdminService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/catalog/vendors",
      {
        config: { permission: "console.catalog.read" },
        schema: { tags, summary: "证书厂商及其 CA 接入方式", response: { 200: z.array(consoleVendorSchema) } },
      },
      () => ctx.vendorAdmin.list(),
    );
    app.post(
      "/catalog/vendors",
      {
        config: { permission: "console.catalog.manage" },
        schema: { tags, summary: "新增证书厂商", body: vendorCreateSchema, response: { 200: consoleVendorSchema } },
      },
      (request) => ctx.vendorAdmin.create(request.actor, request.body),
    );
    app.put(
      "/catalog/vendors/:code",
      {
        config: { permission: "console.catalog.manage" },
        schema: {
          tags,
          summary: "修改证书厂商的名称、CA 接入方式（内置 CA / EST）与 EST 地址",
          params: codeParams,
          body: vendorUpdateSchema,
          response: { 200: consoleVendorSchema },
        },
      },
      (request) => ctx.vendorAdmin.update(request.actor, request.params.code, request.body),
    );
  };
