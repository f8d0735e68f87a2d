import autocannon from "autocannon";
import Fastify from "fastify";
import { createApp } from "../apps/server/src/http/app";
import { type BenchResult, benchContext } from "./support";

const ROUND_SECONDS = 3;

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: ROUND_SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/**
 * GET /api/v1/catalog/platforms through the whole app (hooks, CSRF cookie, permission check, database
 * query, zod serialisation) against a bare Fastify route that returns the same bytes, alternating rounds.
 */
export async function catalogBench(): Promise<BenchResult> {
  const { ctx, close } = await benchContext();
  const app = await createApp(ctx);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/catalog/platforms`;
  const body = await (await fetch(appUrl)).text();
  const bare = Fastify();
  bare.get("/", (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
  await bare.listen({ host: "127.0.0.1", port: 0 });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/`;
  try {
    const rounds = { app: [] as number[], bare: [] as number[] };
    for (let i = 0; i < 2; i++) {
      rounds.bare.push(await requestsPerSecond(bareUrl));
      rounds.app.push(await requestsPerSecond(appUrl));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      name: "目录接口吞吐 / 同字节裸 Fastify 路由",
      ratio: mean(rounds.app) / mean(rounds.bare),
      detail: `catalog ${mean(rounds.app).toFixed(0)} req/s, bare ${mean(rounds.bare).toFixed(0)} req/s (${body.length} bytes)`,
    };
  } finally {
    await bare.close();
    await app.close();
    await close();
  }
}
