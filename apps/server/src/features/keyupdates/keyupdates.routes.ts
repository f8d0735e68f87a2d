import { keyUpdateCsrRequestSchema, keyUpdateOpenRequestSchema, keyUpdateSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { KeyUpdateService } from "./keyupdates.service";

const tags = ["更新数字证书"];
const params = z.object({ id: z.string().min(1).max(64) });
const answer = { 200: keyUpdateSchema };

/**
 * Portal (under /api/v1): 【自助年检】's steps. Each step repeated after it happened answers the same key update,
 * so the page resumes a broken-off update from its status.
 */
export const keyUpdatesRoutes =
  (ctx: { keyUpdates: KeyUpdateService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/key-updates",
      {
        config: { permission: "key_update.open" },
        schema: {
          tags,
          summary: "开始（或继续）一张已支付证书的更新：未签发前每次给出新的随机数",
          body: keyUpdateOpenRequestSchema,
          response: answer,
        },
      },
      (request) => ctx.keyUpdates.open(request.actor, request.body.renewalItemId),
    );

    app.get(
      "/key-updates/:id",
      {
        config: { permission: "key_update.read" },
        schema: { tags, summary: "证书更新的进度（已签发的证书可再次取回）", params, response: answer },
      },
      (request) => ctx.keyUpdates.get(request.actor, request.params.id),
    );

    app.post(
      "/key-updates/:id/csr",
      {
        config: { permission: "key_update.step" },
        schema: {
          tags,
          summary: "提交 CA 锁生成的证书请求与原密钥的签名证明，CA 签发新证书（只签发一次，之后原样返回）",
          params,
          body: keyUpdateCsrRequestSchema,
          response: answer,
        },
      },
      (request) => ctx.keyUpdates.submitCsr(request.actor, request.params.id, request.body),
    );

    app.post(
      "/key-updates/:id/written",
      {
        config: { permission: "key_update.step" },
        schema: { tags, summary: "新证书已写入 CA 锁", params, response: answer },
      },
      (request) => ctx.keyUpdates.markWritten(request.actor, request.params.id),
    );

    app.post(
      "/key-updates/:id/confirm",
      {
        config: { permission: "key_update.step" },
        schema: {
          tags,
          summary: "确认更新：新证书生效（关联所选平台），原证书被替代，订单项完成",
          params,
          response: answer,
        },
      },
      (request) => ctx.keyUpdates.confirm(request.actor, request.params.id),
    );
  };
