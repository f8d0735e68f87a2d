import "./fastify-types";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { WECHATPAY_SANDBOX_PREFIX } from "../adapters/payments/sandbox/wechat-gateway";
import type { AppContext } from "../app/context";
import { registerFeatureRoutes } from "../app/routes";
import { registerActorResolution } from "./actor";
import { registerCsrfProtection } from "./csrf";
import { registerErrorHandler } from "./error-handler";
import { openApiTransform, securitySchemes } from "./openapi";
import { registerSecurityHeaders } from "./security-headers";
import { registerWebApp } from "./web-app";

export async function createApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: 6 * 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // The API speaks JSON only; a text body would otherwise reach validation as a string.
  app.removeContentTypeParser("text/plain");

  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, { keybridgeUrl: ctx.config.keybridgeUrl });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "CA 互联互通服务平台（辽宁版）API",
        description: "错误统一为 { error: { code, message } }；金额单位为分（fen）。",
        version: ctx.config.version,
      },
      components: { securitySchemes },
    },
    transform: openApiTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/v1/docs" });

  app.addHook("onRoute", (route) => {
    const isApi = route.url.startsWith("/api/v1/") && !route.url.startsWith("/api/v1/docs");
    if (isApi && route.url !== "/api/v1/openapi.json" && !route.config?.permission) {
      throw new Error(`route ${route.method} ${route.url} names no permission`);
    }
  });
  registerCsrfProtection(app, { secureCookies: ctx.config.publicOrigin.startsWith("https://") });
  registerActorResolution(app, ctx);

  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(registerFeatureRoutes(ctx.modules), { prefix: "/api/v1" });
  // The embedded payment sandboxes (PAYMENT_PROVIDER=sandbox): outside /api/v1, for the payer's browser.
  // They stand in for the providers' servers, so they are not part of this API's OpenAPI document.
  await app.register(async (sandboxes) => {
    sandboxes.addHook("onRoute", (route) => {
      route.schema = { ...route.schema, hide: true };
    });
    const alipaySandbox = ctx.adapters.paymentSandboxes.alipay;
    if (alipaySandbox) await sandboxes.register(alipaySandbox.routes);
    const wechatSandbox = ctx.adapters.paymentSandboxes.wechat;
    if (wechatSandbox) await sandboxes.register(wechatSandbox.plugin, { prefix: WECHATPAY_SANDBOX_PREFIX });
  });

  await registerWebApp(app, ctx.config.webDist);
  return app;
}
