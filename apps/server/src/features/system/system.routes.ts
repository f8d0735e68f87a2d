import { publicConfigSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { PaymentChannel } from "../../adapters/payments/payment-provider";
import type { Runtime } from "../../app/feature-module";

const tags = ["系统"];

export const systemRoutes =
  (ctx: Runtime, deps: { paymentChannels: readonly PaymentChannel[] }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/health",
      {
        config: { permission: "public" },
        schema: {
          tags,
          summary: "健康检查（含数据库连通性）",
          response: {
            200: z.object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgres"]), version: z.string() }),
          },
        },
      },
      async () => {
        await sql`select 1`.execute(ctx.database.db);
        return { status: "ok" as const, database: ctx.database.kind, version: ctx.config.version };
      },
    );
    app.get(
      "/public-config",
      {
        config: { permission: "public" },
        schema: { tags, summary: "浏览器端配置", response: { 200: publicConfigSchema } },
      },
      () => ({
        version: ctx.config.version,
        keybridgeUrl: ctx.config.keybridgeUrl,
        demo: ctx.config.demo,
        demoPin: ctx.config.demo ? "111111" : null,
        paymentSandbox: ctx.config.payments.provider === "sandbox",
        paymentChannels: [...deps.paymentChannels],
      }),
    );
  };
