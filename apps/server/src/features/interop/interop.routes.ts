import { interopVerifyRequestSchema, interopVerifyResponseSchema } from "@lnca/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { CertificateVerification } from "./certificate-verification.service";
import type { AuthenticatedPlatform, PlatformCredentials } from "./platform-credentials.service";

const tags = ["平台互通"];

/**
 * The trading platforms' API (`/interop`): server to server, so no session and no CSRF token; the platform is
 * authenticated by its key before the body is read (a caller without one learns nothing about the body).
 */
export const interopRoutes =
  (ctx: {
    platformCredentials: PlatformCredentials;
    certificateVerification: CertificateVerification;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const callers = new WeakMap<FastifyRequest, AuthenticatedPlatform>();
    app.post(
      "/interop/verify",
      {
        config: { permission: "interop.verify", csrfExempt: true },
        preValidation: async (request, reply) => {
          try {
            callers.set(request, await ctx.platformCredentials.authenticate(request.headers.authorization));
          } catch (error) {
            reply.header("www-authenticate", 'Bearer realm="lnca-interop"');
            throw error;
          }
        },
        schema: {
          tags,
          summary: "验证 CA 数字证书（交易平台调用）",
          description:
            "以平台密钥认证（Authorization: Bearer lnpk_…）。valid：证书链（受信厂商根证书）、有效期、吊销状态及本平台记录；associated：证书与调用方平台存在有效关联。",
          security: [{ platformKey: [] }],
          body: interopVerifyRequestSchema,
          response: { 200: interopVerifyResponseSchema },
        },
      },
      async (request) => {
        const platform = callers.get(request);
        if (!platform) throw new Error("interop caller not authenticated");
        return ctx.certificateVerification.verify(platform, request.body.certificate);
      },
    );
  };
