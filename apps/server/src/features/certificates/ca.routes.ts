import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PlatformCa } from "../../adapters/ca/ca-adapter";
import { AppError } from "../../shared/app-error";

const tags = ["内置 CA"];

/** The built-in CA's public material: its root certificate and current CRL (the CRL distribution point). */
export const caRoutes =
  (ctx: { ca: PlatformCa }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/ca/crl",
      { config: { permission: "public" }, schema: { tags, summary: "证书吊销列表（DER）" } },
      async (_request, reply) => {
        const der = await ctx.ca.currentCrlDer();
        if (!der) throw new AppError("NOT_FOUND");
        return reply.type("application/pkix-crl").header("cache-control", "max-age=300").send(Buffer.from(der));
      },
    );
    app.get(
      "/ca/root.crt",
      { config: { permission: "public" }, schema: { tags, summary: "根证书（PEM）" } },
      async (_request, reply) => reply.type("application/x-pem-file").send(ctx.ca.rootCertificatePem),
    );
  };
