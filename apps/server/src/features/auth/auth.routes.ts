import {
  bindRequestSchema,
  caLoginRequestSchema,
  caLoginResponseSchema,
  challengeResponseSchema,
  loggedInResponseSchema,
  type SessionUser,
  sessionUserSchema,
  smsCodeRequestSchema,
  smsCodeResponseSchema,
  smsLoginRequestSchema,
} from "@lnca/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Runtime } from "../../app/feature-module";
import { clearSessionCookie, requestMeta, setSessionCookie } from "../../http/cookies";
import { loadSessionUser } from "../users/session-user";
import type { AuthServices } from "./auth.module";
import { USER_SESSION_COOKIE } from "./sessions.service";

const tags = ["登录与绑定"];

export const authRoutes =
  (ctx: Runtime & AuthServices): FastifyPluginAsyncZod =>
  async (app) => {
    const secure = ctx.config.publicOrigin.startsWith("https://");
    const login = { permission: "auth.login" as const };
    /** Every way of signing in ends the same: the session cookie, and the person as the page shows them. */
    const signedIn = (reply: FastifyReply, result: { user: SessionUser; sessionToken: string }) => {
      setSessionCookie(reply, USER_SESSION_COOKIE, result.sessionToken, secure);
      return { status: "logged_in" as const, user: result.user };
    };

    app.post(
      "/auth/challenge",
      {
        config: login,
        schema: { tags, summary: "获取一次性登录挑战（CA 锁签名用）", response: { 200: challengeResponseSchema } },
      },
      (request) => {
        const origin = request.headers.origin;
        const bound =
          typeof origin === "string" && ctx.config.allowedOrigins.includes(origin) ? origin : ctx.config.publicOrigin;
        return ctx.challenges.issue("ca-login", bound);
      },
    );

    app.post(
      "/auth/ca-login",
      {
        config: login,
        schema: {
          tags,
          summary: "CA 登录：验证证书链与签名",
          body: caLoginRequestSchema,
          response: { 200: caLoginResponseSchema },
        },
      },
      async (request, reply) => {
        const { sessionToken, ...outcome } = await ctx.caLogin.login(request.body, requestMeta(request));
        if (sessionToken) setSessionCookie(reply, USER_SESSION_COOKIE, sessionToken, secure);
        return outcome;
      },
    );

    app.post(
      "/auth/sms-code",
      {
        config: login,
        schema: {
          tags,
          summary: "发送短信验证码（登录 / 绑定）",
          body: smsCodeRequestSchema,
          response: { 200: smsCodeResponseSchema },
        },
      },
      (request) => ctx.smsCodes.send({ ...request.body, ip: requestMeta(request).ip }),
    );

    app.post(
      "/auth/bind",
      {
        config: login,
        schema: {
          tags,
          summary: "首次 CA 登录后绑定手机号（一锁一人一账号）",
          body: bindRequestSchema,
          response: { 200: loggedInResponseSchema },
        },
      },
      async (request, reply) => signedIn(reply, await ctx.binding.bind(request.body, requestMeta(request))),
    );

    app.post(
      "/auth/sms-login",
      {
        config: login,
        schema: {
          tags,
          summary: "手机号 + 短信验证码登录",
          body: smsLoginRequestSchema,
          response: { 200: loggedInResponseSchema },
        },
      },
      async (request, reply) => signedIn(reply, await ctx.smsLogin.login(request.body, requestMeta(request))),
    );

    app.post(
      "/auth/logout",
      { config: { permission: "session.logout" }, schema: { tags, summary: "退出登录", response: { 204: z.null() } } },
      async (request, reply) => {
        await ctx.sessions.revoke(ctx.database.db, request.cookies[USER_SESSION_COOKIE]);
        clearSessionCookie(reply, USER_SESSION_COOKIE);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/auth/session",
      {
        config: { permission: "session.read" },
        schema: {
          tags,
          summary: "当前登录用户（未登录时 user 为 null）",
          response: { 200: z.object({ user: sessionUserSchema.nullable() }) },
        },
      },
      async (request) => {
        const actor = request.actor;
        if (actor.kind !== "user") return { user: null };
        return { user: await loadSessionUser(ctx.database.db, actor.userId, actor.identity?.id ?? null) };
      },
    );
  };
