import fastifyMultipart from "@fastify/multipart";
import {
  ID_SCAN_MAX_BYTES,
  idScanParamsSchema,
  mobileChangeCodeRequestSchema,
  mobileChangeRequestSchema,
  profileSchema,
  profileUpdateRequestSchema,
  smsCodeResponseSchema,
  userIdScanParamsSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendStoredFile, uploadedFile } from "../../http/uploads";
import { AppError } from "../../shared/app-error";
import type { Actor } from "../policy/actor";
import type { UsersServices } from "./users.module";

const tags = ["个人信息"];

/** The signed-in person (the route-level rule let only users through). */
function self(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
  return actor.userId;
}

/** 个人中心 →【编辑个人信息】: the signed-in person's own profile, mobile change and ID-card scans. */
export const usersRoutes =
  (ctx: UsersServices): FastifyPluginAsyncZod =>
  async (app) => {
    // Only these routes take multipart bodies (the rest of the API speaks JSON).
    await app.register(fastifyMultipart);

    app.get(
      "/me/profile",
      {
        config: { permission: "profile.read" },
        schema: { tags, summary: "个人信息（已完善 / 未完善及缺少的项目）", response: { 200: profileSchema } },
      },
      (request) => ctx.profiles.read(request.actor, self(request.actor)),
    );

    app.put(
      "/me/profile",
      {
        config: { permission: "profile.update" },
        schema: {
          tags,
          summary: "确认完善信息：姓名、身份证号、电子邮箱",
          body: profileUpdateRequestSchema,
          response: { 200: profileSchema },
        },
      },
      (request) => ctx.profiles.update(request.actor, self(request.actor), request.body),
    );

    app.post(
      "/me/mobile-change/code",
      {
        config: { permission: "profile.update" },
        schema: {
          tags,
          summary: "更换手机号：向新手机号发送验证码",
          body: mobileChangeCodeRequestSchema,
          response: { 200: smsCodeResponseSchema },
        },
      },
      (request) =>
        ctx.mobileChange.sendCode(request.actor, self(request.actor), { mobile: request.body.mobile, ip: request.ip }),
    );

    app.post(
      "/me/mobile-change",
      {
        config: { permission: "profile.update" },
        schema: {
          tags,
          summary: "更换手机号：验证新手机号的验证码后更换",
          body: mobileChangeRequestSchema,
          response: { 200: profileSchema },
        },
      },
      (request) => ctx.mobileChange.change(request.actor, self(request.actor), request.body),
    );

    app.post(
      "/me/id-scans/:side",
      {
        config: { permission: "profile.update" },
        schema: {
          tags,
          summary: "上传身份证扫描件（multipart 字段 file；JPG/PNG/PDF，≤ 5 MB）",
          consumes: ["multipart/form-data"],
          params: idScanParamsSchema,
          response: { 200: profileSchema },
        },
      },
      async (request) => {
        const userId = self(request.actor);
        const file = await uploadedFile(request, ID_SCAN_MAX_BYTES);
        return ctx.idScans.upload(request.actor, userId, { side: request.params.side, ...file });
      },
    );

    app.get(
      "/me/id-scans/:side",
      {
        config: { permission: "profile.read" },
        schema: { tags, summary: "查看本人身份证扫描件（每次查看均记录审计）", params: idScanParamsSchema },
      },
      async (request, reply) => {
        const scan = await ctx.idScans.view(request.actor, self(request.actor), request.params.side);
        return sendStoredFile(reply, scan, { name: `id-card-${request.params.side}` });
      },
    );
  };

/** Operator console: a person's ID-card scan, for the reviewers who check it (audited). */
export const usersConsoleRoutes =
  (ctx: UsersServices): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/users/:userId/id-scans/:side",
      {
        config: { permission: "console.id_scan.read" },
        schema: {
          tags: ["运营后台"],
          summary: "查看用户身份证扫描件（审核用，每次查看均记录审计）",
          params: userIdScanParamsSchema,
        },
      },
      async (request, reply) => {
        const scan = await ctx.idScans.view(request.actor, request.params.userId, request.params.side);
        return sendStoredFile(reply, scan, { name: `id-card-${request.params.side}` });
      },
    );
  };
