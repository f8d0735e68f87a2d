import path from "node:path";
import { consoleDownloadListSchema, downloadListSchema, downloadNames } from "@lnca/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DownloadsService } from "./downloads.service";

const tags = ["下载中心"];

/** 下载中心 (public): the list, and each file as an attachment. */
export const downloadsRoutes =
  (ctx: { downloads: DownloadsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/downloads",
      {
        config: { permission: "public" },
        schema: { tags, summary: "下载中心：拓展程序、表格与文档", response: { 200: downloadListSchema } },
      },
      () => ctx.downloads.list(),
    );

    app.get(
      "/downloads/:name",
      {
        config: { permission: "public" },
        schema: {
          tags,
          summary: "下载文件（附件形式）",
          params: z.object({ name: z.enum(downloadNames, { error: "没有这个下载文件" }) }),
        },
      },
      async (request, reply) => {
        const file = await ctx.downloads.open(request.params.name);
        // Always a download, never rendered here: the PDFs and the program are files to save.
        return reply
          .type(file.mediaType)
          .header("content-length", file.size)
          .header("content-disposition", attachment(request.params.name, file.fileName))
          .header("content-security-policy", "sandbox")
          .header("x-content-type-options", "nosniff")
          .header("etag", `"${file.sha256}"`)
          .header("cache-control", "no-cache")
          .send(file.body);
      },
    );
  };

/** Operator console (mounted under /console): the same list with how and when the keybridge package was built. */
export const downloadsConsoleRoutes =
  (ctx: { downloads: DownloadsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/downloads",
      {
        config: { permission: "console.downloads.read" },
        schema: {
          tags: ["运营后台"],
          summary: "下载中心与拓展程序构建信息",
          response: { 200: consoleDownloadListSchema },
        },
      },
      () => ctx.downloads.consoleList(),
    );
  };

/** RFC 6266: the real (Chinese) name in `filename*`, the download's own name for clients that only read ASCII. */
function attachment(name: string, fileName: string): string {
  const ascii = /^[A-Za-z0-9._-]+$/.test(fileName) ? fileName : `${name}${path.extname(fileName)}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
