import {
  adminApplicationSchema,
  enterpriseIdParamsSchema,
  enterprisePersonSchema,
  identityApplicationResponseSchema,
  identityApplicationSchema,
  identityDecisionResponseSchema,
  identityIdParamsSchema,
  identityRejectionSchema,
  identitySwitchResponseSchema,
  pageOf,
  pageQuerySchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../shared/app-error";
import type { Actor } from "../policy/actor";
import { authorize } from "../policy/policy";
import type { IdentityApplications } from "./identity-applications.service";
import type { IdentityDecisions } from "./identity-decisions.service";
import type { PeopleDirectory } from "./people.service";

interface Ctx {
  applications: IdentityApplications;
  decisions: IdentityDecisions;
  people: PeopleDirectory;
}

const tags = ["身份"];
const decided = { 200: identityDecisionResponseSchema };

/** The route-level rule let only a signed-in user through. */
function userOf(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  return actor;
}

function staffOf(actor: Actor): Extract<Actor, { kind: "staff" }> {
  if (actor.kind !== "staff") throw new AppError("UNAUTHENTICATED");
  return actor;
}

/** Portal: 【切换身份】 (apply, switch) and 人员管理 (the administrator's decisions). */
export const identitiesRoutes =
  (ctx: Ctx): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/identities",
      {
        config: { permission: "identity.apply" },
        schema: {
          tags,
          summary: "新增身份（企业角色：企业名称、统一社会信用代码、身份；或个人角色）",
          body: identityApplicationSchema,
          response: { 201: identityApplicationResponseSchema },
        },
      },
      async (request, reply) => {
        const identity = await ctx.applications.apply(userOf(request.actor), request.body);
        return reply.status(201).send({ identity });
      },
    );

    app.post(
      "/identities/:identityId/switch",
      {
        config: { permission: "identity.switch" },
        schema: {
          tags,
          summary: "切换为该身份（本次登录随即按该身份办理业务）",
          params: identityIdParamsSchema,
          response: { 200: identitySwitchResponseSchema },
        },
      },
      async (request) => {
        const identity = await ctx.decisions.load(request.params.identityId);
        authorize(request.actor, "identity.switch", identity);
        return { user: await ctx.applications.switchTo(userOf(request.actor), identity) };
      },
    );

    app.post(
      "/identities/:identityId/approve",
      {
        config: { permission: "identity.decide" },
        schema: { tags, summary: "人员管理：通过身份申请", params: identityIdParamsSchema, response: decided },
      },
      async (request) => {
        const identity = await ctx.decisions.load(request.params.identityId);
        authorize(request.actor, "identity.decide", identity);
        return ctx.decisions.approve(userOf(request.actor), identity);
      },
    );

    app.post(
      "/identities/:identityId/reject",
      {
        config: { permission: "identity.decide" },
        schema: {
          tags,
          summary: "人员管理：驳回身份申请（须填写驳回原因）",
          params: identityIdParamsSchema,
          body: identityRejectionSchema,
          response: decided,
        },
      },
      async (request) => {
        const identity = await ctx.decisions.load(request.params.identityId);
        authorize(request.actor, "identity.decide", identity);
        return ctx.decisions.reject(userOf(request.actor), identity, request.body.reason);
      },
    );

    app.post(
      "/identities/:identityId/remove",
      {
        config: { permission: "identity.remove" },
        schema: { tags, summary: "人员管理：移除身份", params: identityIdParamsSchema, response: decided },
      },
      async (request) => {
        const identity = await ctx.decisions.load(request.params.identityId);
        authorize(request.actor, "identity.remove", identity);
        return ctx.decisions.remove(userOf(request.actor), identity);
      },
    );

    app.get(
      "/enterprises/:enterpriseId/people",
      {
        config: { permission: "enterprise.people.read" },
        schema: {
          tags,
          summary: "人员管理：本企业人员及其身份、CA 锁与证书（分页）",
          params: enterpriseIdParamsSchema,
          querystring: pageQuerySchema,
          response: { 200: pageOf(enterprisePersonSchema) },
        },
      },
      async (request) => {
        authorize(request.actor, "enterprise.people.read", { id: request.params.enterpriseId });
        const { page, pageSize } = request.query;
        return { ...(await ctx.people.enterprisePeople(request.params.enterpriseId, page, pageSize)), page, pageSize };
      },
    );
  };

/** Operator console (mounted under /console): administrator applications of enterprises that have none. */
export const identitiesConsoleRoutes =
  (ctx: Ctx): FastifyPluginAsyncZod =>
  async (app) => {
    const consoleTags = ["运营后台"];
    /** Only administrator applications are the operator's (the others are their administrator's). */
    const loadAdminApplication = async (identityId: string) => {
      const identity = await ctx.decisions.load(identityId);
      if (identity.role !== "admin") throw new AppError("IDENTITY_NOT_FOUND");
      return identity;
    };

    app.get(
      "/admin-applications",
      {
        config: { permission: "console.admin_application.read" },
        schema: {
          tags: consoleTags,
          summary: "待审批的管理员身份申请",
          querystring: pageQuerySchema,
          response: { 200: pageOf(adminApplicationSchema) },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        return { ...(await ctx.people.adminApplications(page, pageSize)), page, pageSize };
      },
    );

    app.post(
      "/admin-applications/:identityId/approve",
      {
        config: { permission: "console.admin_application.decide" },
        schema: { tags: consoleTags, summary: "通过管理员身份申请", params: identityIdParamsSchema, response: decided },
      },
      async (request) =>
        ctx.decisions.approve(staffOf(request.actor), await loadAdminApplication(request.params.identityId)),
    );

    app.post(
      "/admin-applications/:identityId/reject",
      {
        config: { permission: "console.admin_application.decide" },
        schema: {
          tags: consoleTags,
          summary: "驳回管理员身份申请（须填写驳回原因）",
          params: identityIdParamsSchema,
          body: identityRejectionSchema,
          response: decided,
        },
      },
      async (request) =>
        ctx.decisions.reject(
          staffOf(request.actor),
          await loadAdminApplication(request.params.identityId),
          request.body.reason,
        ),
    );
  };
