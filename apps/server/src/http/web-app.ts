import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { body } from "./error-handler";

/**
 * Serves the built web app: hashed assets with long caching, and index.html for every other GET outside
 * /api so the browser router can take the path. Without a build (API-only tests) only the API answers.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const hasWebApp = existsSync(path.join(distDir, "index.html"));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      // One route per built file: "/" and app paths then fall through to index.html below.
      wildcard: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isFileRequest = request.url.startsWith("/api/") || request.url.startsWith("/assets/");
    if (!hasWebApp || request.method !== "GET" || isFileRequest) {
      return reply.status(404).send(body("NOT_FOUND"));
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
