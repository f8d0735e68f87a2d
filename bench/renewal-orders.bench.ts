import { createApp } from "../apps/server/src/http/app";
import type { ApiClient } from "../apps/server/test/support/api-client";
import { buildRenewingEnterprise } from "../apps/server/test/support/factories";
import { signedIn } from "../apps/server/test/support/journeys";
import { HELD_PLATFORMS, recordMemberCertificates } from "./renewal-fixtures";
import { type BenchResult, benchContext, benchPostgresUrl } from "./support";

const LARGE = 1_000;
const LIMIT_MS = 1_000;
const LARGE_ROUNDS = 5;
const SMALL_ROUNDS = 20;
/** The quote endpoint takes at most 500 certificates a request (quoteRequestSchema); a client asks in slices. */
const QUOTE_SLICE = 500;
/** Of the 8 platforms each certificate holds, the order keeps 6 (两个 dropped, marked on 选择应用平台). */
const KEPT = HELD_PLATFORMS.slice(0, 6);

/**
 * 【提交订单】 of 1,000 certificates through the whole app, as the administrator's browser sends it: the quote
 * (`POST /catalog/quote`, in slices of 500) and the order (`POST /renewal-orders`: checks, pricing, the open-
 * order rule, 1,000 items and 6,000 item platforms written, the order read back), against the same for one
 * certificate, on SQLite and on PostgreSQL. Between rounds the order is cancelled, which frees its certificates.
 */
export async function renewalOrdersBench(): Promise<BenchResult[]> {
  const postgresUrl = benchPostgresUrl();
  const results = [await measure("SQLite")];
  if (postgresUrl) results.push(await measure("PostgreSQL", postgresUrl));
  else console.info("续期下单：未设置 BENCH_DATABASE_URL / TEST_DATABASE_URL，只测 SQLite");
  return results;
}

async function measure(database: string, postgresUrl?: string): Promise<BenchResult> {
  const { ctx, close } = await benchContext({ postgresUrl });
  const app = await createApp(ctx);
  await app.ready();
  try {
    const ready = await buildRenewingEnterprise(ctx);
    const client = await signedIn({ app, ctx, close: async () => {} }, ready.admin);
    const certificateIds = await recordMemberCertificates(ctx, ready.enterprise.id, LARGE);
    const large = certificateIds.map((certificateId) => ({ certificateId, platformCodes: KEPT }));
    const small = large.slice(0, 1);

    const quoteShare: number[] = [];
    const round = async (items: typeof large): Promise<number> => {
      const started = performance.now();
      const { id, quotedAt } = await quoteAndOrder(client, items);
      const took = performance.now() - started;
      if (items.length === LARGE) quoteShare.push((quotedAt - started) / took);
      await ctx.renewalOrders.cancel(ready.actor, id);
      return took;
    };
    await round(large);
    await round(small);
    const largeMs: number[] = [];
    const smallMs: number[] = [];
    for (let i = 0; i < SMALL_ROUNDS; i++) {
      if (i < LARGE_ROUNDS) largeMs.push(await round(large));
      smallMs.push(await round(small));
    }
    const [largeMedian, smallMedian] = [median(largeMs), median(smallMs)];
    return {
      name: `续期下单（报价 + 提交订单）${LARGE} 张证书 / 1 张证书，${database}`,
      ratio: largeMedian / smallMedian,
      ratioAs: "multiple",
      goal: { met: largeMedian < LIMIT_MS, text: `${LARGE} 张 < ${LIMIT_MS} ms` },
      detail:
        `${LARGE} certificates ${largeMedian.toFixed(0)} ms (median of ${LARGE_ROUNDS}; ${fmt(largeMs)}), ` +
        `1 certificate ${smallMedian.toFixed(1)} ms (median of ${SMALL_ROUNDS}); ` +
        `${(largeMedian / LARGE).toFixed(2)} ms a certificate, of it the quote ${(median(quoteShare) * 100).toFixed(0)}%`,
    };
  } finally {
    await app.close();
    await close();
  }
}

/** What the browser sends for 【提交订单】: the quote shown on 订单确认, then the order. */
async function quoteAndOrder(
  client: ApiClient,
  items: { certificateId: string; platformCodes: string[] }[],
): Promise<{ id: string; quotedAt: number }> {
  for (let i = 0; i < items.length; i += QUOTE_SLICE) {
    const slice = items.slice(i, i + QUOTE_SLICE).map((item) => ({
      categoryCode: "project_lead",
      platformCodes: item.platformCodes,
    }));
    const quote = await client.post("/api/v1/catalog/quote", { items: slice });
    if (quote.statusCode !== 200) throw new Error(`quote: ${quote.statusCode} ${quote.body}`);
  }
  const quotedAt = performance.now();
  const created = await client.post("/api/v1/renewal-orders", { items });
  if (created.statusCode !== 201) throw new Error(`order: ${created.statusCode} ${created.body.slice(0, 300)}`);
  const order = created.json() as { id: string; items: unknown[] };
  if (order.items.length !== items.length) throw new Error(`order of ${order.items.length} items`);
  return { id: order.id, quotedAt };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
