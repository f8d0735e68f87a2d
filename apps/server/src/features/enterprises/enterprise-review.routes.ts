import {
  reviewAttachmentParamsSchema,
  reviewDetailSchema,
  reviewQueuePageSchema,
  reviewQueueQuerySchema,
  reviewRejectionSchema,
  revisionIdParamsSchema,
} from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendStoredFile } from "../../http/uploads";
import { AppError } from "../../shared/app-error";
import type { Actor } from "../policy/actor";
import type { EnterpriseReviewService } from "./enterprise-review.service";

const tags = ["运营后台"];
const detail = { 200: reviewDetailSchema };
const decide = { permission: "console.enterprise_review.decide" } as const;

/** The signed-in reviewer (the route-level rule let only reviewers through). */
function reviewerOf(actor: Actor): Extract<Actor, { kind: "staff" }> {
  if (actor.kind !== "staff") throw new AppError("UNAUTHENTICATED");
  return actor;
}

/** Operator console (mounted under /console): 审核队列 for the reviewers. */
export const enterpriseReviewRoutes =
  (ctx: { reviews: EnterpriseReviewService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/enterprise-reviews",
      {
        config: { permission: "console.enterprise_review.read" },
        schema: {
          tags,
          summary: "审核队列（按提交时间；已等待的工作日）与审核记录",
          querystring: reviewQueueQuerySchema,
          response: { 200: reviewQueuePageSchema },
        },
      },
      (request) => ctx.reviews.queue(request.query),
    );

    app.get(
      "/enterprise-reviews/:revisionId",
      {
        config: { permission: "console.enterprise_review.read" },
        schema: {
          tags,
          summary: "审核详情：全部字段、附件、识别比对、与生效版本的差异",
          params: revisionIdParamsSchema,
          response: detail,
        },
      },
      (request) => ctx.reviews.detail(request.params.revisionId),
    );

    app.post(
      "/enterprise-reviews/:revisionId/claim",
      {
        config: { permission: "console.enterprise_review.claim" },
        schema: {
          tags,
          summary: "领取（同一时间只有一位审核员处理）",
          params: revisionIdParamsSchema,
          response: detail,
        },
      },
      (request) => ctx.reviews.claim(reviewerOf(request.actor), request.params.revisionId),
    );

    app.post(
      "/enterprise-reviews/:revisionId/release",
      {
        config: decide,
        schema: { tags, summary: "放弃领取", params: revisionIdParamsSchema, response: detail },
      },
      (request) => ctx.reviews.release(reviewerOf(request.actor), request.params.revisionId),
    );

    app.post(
      "/enterprise-reviews/:revisionId/approve",
      {
        config: decide,
        schema: { tags, summary: "审核通过（短信告知申请人）", params: revisionIdParamsSchema, response: detail },
      },
      (request) => ctx.reviews.approve(reviewerOf(request.actor), request.params.revisionId),
    );

    app.post(
      "/enterprise-reviews/:revisionId/reject",
      {
        config: decide,
        schema: {
          tags,
          summary: "审核不通过（必须填写处理意见，短信告知申请人）",
          params: revisionIdParamsSchema,
          body: reviewRejectionSchema,
          response: detail,
        },
      },
      (request) => ctx.reviews.reject(reviewerOf(request.actor), request.params.revisionId, request.body.opinion),
    );

    app.get(
      "/enterprise-reviews/:revisionId/attachments/:kind",
      {
        config: { permission: "console.enterprise_review.read" },
        schema: {
          tags,
          summary: "查看附件（含身份证扫描件，每次查看均记录审计）",
          params: reviewAttachmentParamsSchema,
        },
      },
      async (request, reply) => {
        const { revisionId, kind } = request.params;
        const file = await ctx.reviews.attachment(request.actor, revisionId, kind);
        return sendStoredFile(reply, file, { name: kind, inline: true });
      },
    );
  };
