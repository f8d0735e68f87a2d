import { consoleLoginRequestSchema, staffSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Runtime } from "../../app/feature-module";
import { clearSessionCookie, requestMeta, setSessionCookie } from "../../http/cookies";
import type { AuthServices } from "./auth.module";
import { STAFF_SESSION_COOKIE } from "./sessions.service";

const tags = ["运营后台"];

/** Operator console (mounted under /console): staff sign in with username and password, their own cookie. */
export const consoleAuthRoutes =
  (ctx: Runtime & AuthServices): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = ctx.config.publicOrigin.startsWith("https://");

    app.post(
      "/auth/login",
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
      "/auth/logout",
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
      "/auth/session",
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
  };
