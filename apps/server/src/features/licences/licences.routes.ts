import fastifyMultipart from "@fastify/multipart";
import { licenceFieldsSchema } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { uploadedFile } from "../../http/uploads";
import type { LicencesServices } from "./licences.module";
import { LICENCE_IMAGE_MAX_BYTES } from "./licences.service";

const recognitionSchema = z.object({ fields: licenceFieldsSchema });

/** 【编辑企业信息】 step 2: the licence read for the comparison dialog (营业执照识别数据). */
export const licencesRoutes =
  (ctx: LicencesServices): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart);
    app.post(
      "/licence-recognitions",
      {
        config: { permission: "licence.recognise" },
        schema: {
          tags: ["企业信息"],
          summary: "识别营业执照（multipart 字段 file；JPG/PNG，≤ 10 MB）；未识别出的字段为 null",
          consumes: ["multipart/form-data"],
          response: { 200: recognitionSchema },
        },
      },
      async (request) => ({
        fields: await ctx.licenceRecognition.recognise(
          request.actor,
          (await uploadedFile(request, LICENCE_IMAGE_MAX_BYTES, "LICENCE_IMAGE_TOO_LARGE")).bytes,
        ),
      }),
    );
  };
