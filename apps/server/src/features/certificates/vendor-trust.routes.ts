import { trustedCertificateAddSchema, trustedCertificateSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { VendorTrustService } from "./vendor-trust.service";

const tags = ["运营后台"];
const codeParams = z.object({ code: z.string().min(1).max(64) });

/** Operator console (mounted under /console): the CA certificates trusted for a vendor. */
export const vendorTrustConsoleRoutes =
  (ctx: { vendorTrust: VendorTrustService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/catalog/vendors/:code/trusted-certificates",
      {
        config: { permission: "console.catalog.read" },
        schema: {
          tags,
          summary: "证书厂商的信任证书（根证书与签发 CA）",
          params: codeParams,
          response: { 200: z.array(trustedCertificateSchema) },
        },
      },
      (request) => ctx.vendorTrust.list(request.params.code),
    );
    app.post(
      "/catalog/vendors/:code/trusted-certificates",
      {
        config: { permission: "console.catalog.manage" },
        schema: {
          tags,
          summary: "为证书厂商登记信任的 CA 证书（PEM；自签名为根证书，否则为签发 CA）",
          params: codeParams,
          body: trustedCertificateAddSchema,
          response: { 200: trustedCertificateSchema },
        },
      },
      (request) => ctx.vendorTrust.add(request.actor, request.params.code, request.body.certificatePem),
    );
  };
