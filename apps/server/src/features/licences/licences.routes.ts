import fastifyMultipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../shared/app-error";
import type { LicencesServices } from "./licences.module";
import { LICENCE_IMAGE_MAX_BYTES } from "./licences.service";

const field = z.string().nullable();
const recognitionSchema = z.object({
  fields: z.object({
    name: field,
    uscc: field,
    legalRepresentative: field,
    registeredCapital: field,
    address: field,
    companyType: field,
    establishedOn: field,
  }),
});

/** The one uploaded picture of a multipart request, read into memory within the size limit. */
async function uploadedImage(request: FastifyRequest): Promise<Buffer> {
  try {
    const part = await request.file({ limits: { fileSize: LICENCE_IMAGE_MAX_BYTES, files: 1, fields: 0 } });
    if (!part) throw new AppError("FILE_REQUIRED");
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("LICENCE_IMAGE_TOO_LARGE");
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") throw new AppError("FILE_REQUIRED");
    throw new AppError("BAD_REQUEST", "上传的文件内容不完整，请重新上传");
  }
}

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
        fields: await ctx.licenceRecognition.recognise(request.actor, await uploadedImage(request)),
      }),
    );
  };
