import {
  consoleLoginRequestSchema,
  pageOf,
  pageQuerySchema,
  registryImportRequestSchema,
  registryImportResponseSchema,
  smsOutboxItemSchema,
  staffSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app/context";
import { clearSessionCookie, requestMeta, setSessionCookie } from "../../http/cookies";
import { AppError } from "../../shared/app-error";
import { STAFF_SESSION_COOKIE } from "../auth/sessions.service";

const tags = ["运营后台"];

export const consoleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = ctx.config.publicOrigin.startsWith("https://");
    const staffOf = (actor: { kind: string; staffId?: string }) => {
      if (actor.kind !== "staff" || !actor.staffId) throw new AppError("UNAUTHENTICATED");
      return actor.staffId;
    };

    app.post(
      "/console/auth/login",
      {
        config: { permission: "console.login" },
        schema: {
          tags,
          summary: "运营后台登录",
          body: consoleLoginRequestSchema,
          response: { 200: z.object({ staff: staffSchema }) },
        },
      },
      async (request, reply) => {
        const { staff, sessionToken } = await ctx.staffAuth.login(request.body, requestMeta(request));
        setSessionCookie(reply, STAFF_SESSION_COOKIE, sessionToken, secure);
        return { staff };
      },
    );

    app.post(
      "/console/auth/logout",
      {
        config: { permission: "console.logout" },
        schema: { tags, summary: "退出运营后台", response: { 204: z.null() } },
      },
      async (request, reply) => {
        await ctx.sessions.revoke(ctx.database.db, request.cookies[STAFF_SESSION_COOKIE]);
        clearSessionCookie(reply, STAFF_SESSION_COOKIE);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/console/auth/session",
      {
        config: { permission: "console.session" },
        schema: {
          tags,
          summary: "当前运营后台账号（未登录时 staff 为 null）",
          response: { 200: z.object({ staff: staffSchema.nullable() }) },
        },
      },
      async (request) => {
        const actor = request.actor;
        if (actor.kind !== "staff") return { staff: null };
        return { staff: await ctx.staffAuth.find(actor.staffId) };
      },
    );

    app.get(
      "/console/sms-outbox",
      {
        config: { permission: "console.sms_outbox.read" },
        schema: {
          tags,
          summary: "短信发件箱",
          querystring: pageQuerySchema,
          response: { 200: pageOf(smsOutboxItemSchema) },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        return { ...(await ctx.sms.page(page, pageSize)), page, pageSize };
      },
    );

    app.post(
      "/console/certificate-registry/import",
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
      (request) =>
        ctx.registry.importCsv({ kind: "staff", id: staffOf(request.actor), ip: request.ip }, request.body.csv),
    );
  };
