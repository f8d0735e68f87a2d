import { enterpriseIdParamsSchema, enterpriseSummarySchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authorize } from "../policy/policy";
import type { EnterpriseDirectory } from "./enterprise-directory.service";

const summary = "单位概况（名称、统一社会信用代码、管理员）";

/** Portal: an enterprise, for its own members (404 for an unknown id, 403 for an outsider: see ARCHITECTURE). */
export const enterprisesRoutes =
  (ctx: { enterprises: EnterpriseDirectory }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/enterprises/:enterpriseId",
      {
        config: { permission: "enterprise.read" },
        schema: {
          tags: ["单位"],
          summary,
          params: enterpriseIdParamsSchema,
          response: { 200: enterpriseSummarySchema },
        },
      },
      async (request) => {
        const enterprise = await ctx.enterprises.summary(request.params.enterpriseId);
        authorize(request.actor, "enterprise.read", enterprise);
        return enterprise;
      },
    );
  };

/** Operator console (mounted under /console): any enterprise, for the staff. */
export const enterprisesConsoleRoutes =
  (ctx: { enterprises: EnterpriseDirectory }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/enterprises/:enterpriseId",
      {
        config: { permission: "console.enterprise.read" },
        schema: {
          tags: ["运营后台"],
          summary,
          params: enterpriseIdParamsSchema,
          response: { 200: enterpriseSummarySchema },
        },
      },
      (request) => ctx.enterprises.summary(request.params.enterpriseId),
    );
  };
