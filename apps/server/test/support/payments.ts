/**
 * The payment domain end to end: the real app listening on 127.0.0.1 (its notify URLs reachable), its real
 * Alipay adapter against the Alipay sandbox it mounts, its real WeChat Pay adapter against a WeChat Pay sandbox
 * on its own port (automatic notifications off: the tests send, replay and forge them), and the payer's side of
 * both cashiers over HTTP.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AlipaySandbox } from "../../src/adapters/payments/sandbox/alipay-gateway";
import { WECHATPAY_SANDBOX_PREFIX, type WechatPaySandbox } from "../../src/adapters/payments/sandbox/wechat-gateway";
import {
  loadOrCreateWechatPaySandboxKeys,
  type WechatPaySandboxKeys,
} from "../../src/adapters/payments/sandbox/wechat-keys";
import { jobsOf } from "../../src/app/context";
import { loadConfig } from "../../src/config/config";
import type { ApiClient } from "./api-client";
import { buildMemberCertificate, buildRenewingEnterprise } from "./factories";
import { signedIn } from "./journeys";
import { createTestApp, type TestApp, type TestClock } from "./test-app";
import { startWechatPaySandbox } from "./wechat-pay";

export interface PaymentTestApp extends TestApp {
  origin: string;
  alipay: AlipaySandbox;
  wechat: WechatPaySandbox;
  wechatOrigin: string;
  wechatKeys: WechatPaySandboxKeys;
  /** Runs the payment jobs enqueued so far (close at the provider, refund), as the outbox worker would. */
  runPaymentJobs(): Promise<string[]>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPaymentTestApp(clock: TestClock): Promise<PaymentTestApp> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "lnca-payments-"));
  const payments = loadConfig({
    NODE_ENV: "test",
    SECRET_KEY: "test-secret-key-test-secret-key-0123456789",
    PUBLIC_ORIGIN: origin,
    DATA_DIR: dataDir,
  }).payments;
  if (payments.wechat?.kind !== "sandbox") throw new Error("sandbox mode takes WeChat Pay");
  const wechatKeys = await loadOrCreateWechatPaySandboxKeys(payments.wechat.dir);
  const wechat = await startWechatPaySandbox({ keys: wechatKeys, autoNotify: false, now: () => clock.now() });
  const t = await createTestApp({
    clock,
    withCatalog: true,
    config: {
      publicOrigin: origin,
      payments: {
        ...payments,
        wechat: { ...payments.wechat, baseUrl: wechat.baseUrl as `${string}/sandbox/wechatpay` },
      },
    },
  });
  await t.app.listen({ host: "127.0.0.1", port });
  const alipay = t.ctx.adapters.paymentSandboxes.alipay;
  if (!alipay) throw new Error("sandbox mode mounts the Alipay sandbox");
  const handlers = jobsOf(t.ctx.modules);
  const ran = new Set<string>();
  return {
    ...t,
    origin,
    alipay,
    wechat: wechat.sandbox,
    wechatOrigin: wechat.origin,
    wechatKeys,
    runPaymentJobs: async () => {
      const jobs = await t.ctx.database.db
        .selectFrom("outbox_jobs")
        .select(["id", "kind", "payload"])
        .where("kind", "in", ["payments.close", "payments.refund"])
        .orderBy("created_at")
        .execute();
      const kinds: string[] = [];
      for (const job of jobs.filter((j) => !ran.has(j.id))) {
        ran.add(job.id);
        const payload = JSON.parse(job.payload);
        if (job.kind === "payments.close") await handlers["payments.close"](payload);
        else await handlers["payments.refund"](payload);
        kinds.push(job.kind);
      }
      return kinds;
    },
    close: async () => {
      await t.close();
      await wechat.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The payer on Alipay's 模拟收银台: opens the cashier page, confirms; the sandbox then notifies (when on). */
export async function payOnAlipay(payUrl: string): Promise<void> {
  const cashier = await fetch(payUrl);
  if (cashier.status !== 200) throw new Error(`Alipay cashier answered ${cashier.status}: ${await cashier.text()}`);
  const outTradeNo = new URL(payUrl).searchParams.get("biz_content");
  const tradeNo = outTradeNo ? (JSON.parse(outTradeNo) as { out_trade_no: string }).out_trade_no : "";
  const paid = await fetch(new URL("/sandbox/alipay/cashier/pay", payUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ out_trade_no: tradeNo }),
    redirect: "manual",
  });
  if (paid.status !== 303) throw new Error(`Alipay cashier refused to pay: ${paid.status} ${await paid.text()}`);
}

/** The payer scans WeChat's code and confirms on the 模拟扫码支付 page (no notification: the tests send it). */
export async function payOnWechat(gatewayOrigin: string, codeUrl: string): Promise<void> {
  const scan = await fetch(`${gatewayOrigin}${WECHATPAY_SANDBOX_PREFIX}/scan?code_url=${encodeURIComponent(codeUrl)}`);
  const pr = /name="pr" value="([^"]+)"/.exec(await scan.text())?.[1];
  if (scan.status !== 200 || !pr) throw new Error(`WeChat Pay scan page answered ${scan.status}`);
  const confirmed = await fetch(`${gatewayOrigin}${WECHATPAY_SANDBOX_PREFIX}/scan/confirm`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ pr }),
  });
  if (!(await confirmed.text()).includes("支付成功")) throw new Error("WeChat Pay sandbox did not pay");
}

export type Channel = "alipay" | "wechat";

/**
 * A renewing enterprise's administrator and an unpaid order of their own main key (so they are its holder)
 * and of the members' keys named, as 【提交订单】 makes it.
 */
export async function orderToPay(p: PaymentTestApp, members: string[] = []) {
  const ready = await buildRenewingEnterprise(p.ctx, { platformCodes: ["ln-jsgc"] });
  const client = await signedIn(p, ready.admin);
  const certificateIds = [ready.admin.certificate.id];
  for (const holderName of members) {
    certificateIds.push((await buildMemberCertificate(p.ctx, ready.enterprise, { holderName })).certificate.id);
  }
  const order = await orderOf(client, certificateIds);
  return { ...ready, client, certificateIds, order };
}

/** 【提交订单】 for these certificates (one platform each). */
export async function orderOf(client: ApiClient, certificateIds: string[]) {
  const created = await client.post("/api/v1/renewal-orders", {
    items: certificateIds.map((certificateId) => ({ certificateId, platformCodes: ["ln-jsgc"] })),
  });
  if (created.statusCode !== 201) throw new Error(`order refused: ${created.body}`);
  return created.json() as { id: string; orderNo: string; totalFen: number; items: { id: string }[] };
}

/** 【立即支付】 with a channel: Alipay's cashier page or WeChat's Native code. */
export async function startPayment(client: ApiClient, orderId: string, channel: Channel, invoice?: unknown) {
  const started = await client.post(`/api/v1/renewal-orders/${orderId}/payments`, { channel, invoice });
  if (started.statusCode !== 200) throw new Error(`payment start refused: ${started.body}`);
  return started.json() as {
    paymentId: string;
    outTradeNo: string;
    amountFen: number;
    payUrl?: string;
    codeUrl?: string;
  };
}

/** POSTs a notification to the platform's fixed notify route, as the provider does. */
export async function postNotification(
  p: PaymentTestApp,
  channel: Channel,
  notification: { headers: Record<string, string | string[] | undefined>; rawBody: Uint8Array },
): Promise<{ status: number; body: string }> {
  const headers = Object.fromEntries(
    Object.entries(notification.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]],
    ),
  );
  const answer = await fetch(`${p.origin}/api/v1/payments/${channel}/notify`, {
    method: "POST",
    headers,
    body: Buffer.from(notification.rawBody),
  });
  return { status: answer.status, body: await answer.text() };
}
