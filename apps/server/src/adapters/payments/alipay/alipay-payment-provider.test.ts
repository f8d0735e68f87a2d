import { AlipaySdk } from "alipay-sdk";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../../shared/app-error";
import type { PaymentNotification, PaymentReport } from "../payment-provider";
import { type AlipaySandbox, type AlipaySandboxOptions, startAlipaySandbox } from "../sandbox/alipay-gateway";
import { type AlipaySandboxKeys, generateAlipaySandboxKeys } from "../sandbox/alipay-sandbox-keys";
import { alipayNotificationBody, signAlipayNotification } from "../sandbox/alipay-signature";
import { AlipayPaymentProvider } from "./alipay-payment-provider";

const APP_ID = "2021000000000001";
const SELLER_ID = "2088000000000001";
const HOUR = 3_600_000;

let keys: AlipaySandboxKeys;
let otherKeys: AlipaySandboxKeys;
beforeAll(() => {
  keys = generateAlipaySandboxKeys();
  otherKeys = generateAlipaySandboxKeys();
});

/** Our server's notify route, in small: every notification kept, verified, answered as the real route will. */
class NotifyReceiver {
  readonly received: PaymentNotification[] = [];
  readonly outcomes: Array<PaymentReport | string> = [];
  /** Answers before the real one, e.g. ["fail", "fail"] to make the sandbox retry. */
  failuresToAnswer: string[] = [];
  url = "";
  private readonly app: FastifyInstance = Fastify();

  constructor(private readonly provider: () => AlipayPaymentProvider) {}

  async start(): Promise<void> {
    this.app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "buffer" }, (_r, raw, done) =>
      done(null, raw),
    );
    this.app.post("/api/v1/payments/alipay/notify", async (request, reply) => {
      const notification = { headers: request.headers, rawBody: request.body as Buffer };
      this.received.push(notification);
      const failure = this.failuresToAnswer.shift();
      if (failure) return reply.type("text/plain").send(failure);
      try {
        const { report, reply: answer } = await this.provider().verifyNotification(notification);
        this.outcomes.push(report);
        return reply.status(answer.status).type("text/plain").send(answer.body);
      } catch (error) {
        this.outcomes.push((error as AppError).code);
        return reply.status(400).type("text/plain").send("fail");
      }
    });
    this.url = `${await this.app.listen({ host: "127.0.0.1", port: 0 })}/api/v1/payments/alipay/notify`;
  }

  close() {
    return this.app.close();
  }
}

interface Harness {
  sandbox: AlipaySandbox;
  origin: string;
  provider: AlipayPaymentProvider;
  receiver: NotifyReceiver;
  clock: { now: Date };
  close(): Promise<void>;
}

async function harness(
  sandboxOptions: Partial<AlipaySandboxOptions> = {},
  providerKeys: Partial<{ appPrivateKeyPem: string; alipayPublicKeyPem: string }> = {},
): Promise<Harness> {
  const clock = { now: new Date("2026-11-30T04:00:00Z") };
  const gateway = await startAlipaySandbox({
    appId: APP_ID,
    sellerId: SELLER_ID,
    keys,
    notifyRetryDelaysMs: [20, 20],
    now: () => clock.now,
    ...sandboxOptions,
  });
  let provider: AlipayPaymentProvider | undefined;
  const receiver = new NotifyReceiver(() => provider as AlipayPaymentProvider);
  await receiver.start();
  provider = new AlipayPaymentProvider({
    appId: APP_ID,
    sellerId: SELLER_ID,
    appPrivateKeyPem: providerKeys.appPrivateKeyPem ?? keys.appPrivateKeyPem,
    alipayPublicKeyPem: providerKeys.alipayPublicKeyPem ?? keys.alipayPublicKeyPem,
    gateway: gateway.gateway,
    notifyUrl: receiver.url,
  });
  return {
    sandbox: gateway.sandbox,
    origin: gateway.origin,
    provider,
    receiver,
    clock,
    close: async () => {
      await gateway.close();
      await receiver.close();
    },
  };
}

const RETURN_URL = "http://localhost:3000/center/orders/ord_1";

async function createPayment(h: Harness, outTradeNo = "PL20261130000001-1", amountFen = 70_000) {
  const start = await h.provider.create({
    outTradeNo,
    amountFen,
    subject: "CA 证书更新 PL20261130000001",
    expiresAt: new Date(h.clock.now.getTime() + 2 * HOUR),
    returnUrl: RETURN_URL,
  });
  if (start.kind !== "redirect") throw new Error("Alipay starts with a redirect");
  return start.payUrl;
}

async function openCashier(payUrl: string): Promise<{ status: number; html: string }> {
  const response = await fetch(payUrl);
  return { status: response.status, html: await response.text() };
}

async function confirm(h: Harness, outTradeNo: string): Promise<Response> {
  return fetch(`${h.origin}/sandbox/alipay/cashier/pay`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ out_trade_no: outTradeNo }).toString(),
    redirect: "manual",
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => expect.unreachable("should have thrown"),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("AlipayPaymentProvider against the Alipay sandbox gateway", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it("creates a page pay signed with the application key: amount in 元, expiry in Beijing time, both URLs", async () => {
    const payUrl = new URL(await createPayment(h));

    expect(`${payUrl.origin}${payUrl.pathname}`).toBe(`${h.origin}/sandbox/alipay/gateway.do`);
    const params = Object.fromEntries(payUrl.searchParams);
    expect(params).toMatchObject({
      app_id: APP_ID,
      method: "alipay.trade.page.pay",
      sign_type: "RSA2",
      charset: "utf-8",
      notify_url: h.receiver.url,
      return_url: RETURN_URL,
    });
    expect(JSON.parse(params.biz_content ?? "")).toEqual({
      out_trade_no: "PL20261130000001-1",
      total_amount: "700.00",
      subject: "CA 证书更新 PL20261130000001",
      product_code: "FAST_INSTANT_TRADE_PAY",
      time_expire: "2026-11-30 14:00:00",
    });
  });

  it("pays in the cashier: the signed notification is verified as paid with the amount, then the payer returns", async () => {
    const { status, html } = await openCashier(await createPayment(h));
    expect(status).toBe(200);
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("支付宝");
    expect(html).toContain("¥700.00");
    expect(html).toContain("CA 证书更新 PL20261130000001");
    expect(html).toContain("PL20261130000001-1");
    expect(html).toContain("确认付款");

    h.clock.now = new Date("2026-11-30T04:05:00Z");
    const response = await confirm(h, "PL20261130000001-1");

    const trade = h.sandbox.trade("PL20261130000001-1");
    expect(h.receiver.outcomes).toEqual([
      {
        outTradeNo: "PL20261130000001-1",
        providerTradeNo: trade?.tradeNo,
        state: "paid",
        amountFen: 70_000,
        paidAt: new Date("2026-11-30T04:05:00Z"),
      },
    ]);
    expect(h.receiver.received[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=utf-8");
    expect(response.status).toBe(303);
    const back = new URL(response.headers.get("location") ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_URL);
    const returned = Object.fromEntries(back.searchParams);
    expect(returned).toMatchObject({ out_trade_no: "PL20261130000001-1", total_amount: "700.00", app_id: APP_ID });
    const checker = new AlipaySdk({ appId: APP_ID, privateKey: keys.appPrivateKeyPem, keyType: "PKCS8" });
    checker.config.alipayPublicKey = keys.alipayPublicKeyPem;
    expect(checker.checkNotifySignV2(returned)).toBe(true);
    expect(checker.checkNotifySignV2({ ...returned, total_amount: "0.01" })).toBe(false);
  });

  it("a second confirmation makes no second trade and sends no second notification", async () => {
    await openCashier(await createPayment(h));
    await confirm(h, "PL20261130000001-1");
    const tradeNo = h.sandbox.trade("PL20261130000001-1")?.tradeNo;

    const again = await confirm(h, "PL20261130000001-1");
    const reopened = await openCashier(await createPayment(h));

    expect(again.status).toBe(303);
    expect(h.sandbox.trade("PL20261130000001-1")?.tradeNo).toBe(tradeNo);
    expect(h.receiver.received).toHaveLength(1);
    expect(reopened.html).toContain("支付成功");
  });

  it("the same notification replayed verifies to the same report (idempotency is the domain's)", async () => {
    await openCashier(await createPayment(h));
    await confirm(h, "PL20261130000001-1");
    const notification = h.receiver.received[0] as PaymentNotification;

    const first = await h.provider.verifyNotification(notification);
    const second = await h.provider.verifyNotification(notification);
    const resent = await h.sandbox.sendNotification("PL20261130000001-1");

    expect(second).toEqual(first);
    expect(first.reply).toEqual({ status: 200, body: "success" });
    expect(resent).toMatchObject({ accepted: true, status: 200, body: "success" });
    expect(h.receiver.outcomes).toEqual([first.report, first.report]);
  });

  it("retries a notification the server did not answer `success`, a bounded number of times", async () => {
    h.receiver.failuresToAnswer = ["fail", "fail"];
    await openCashier(await createPayment(h));
    await confirm(h, "PL20261130000001-1");
    await expect.poll(() => h.receiver.outcomes.length, { timeout: 2_000 }).toBe(1);
    expect(h.receiver.received).toHaveLength(3);

    await openCashier(await createPayment(h, "PL20261130000002-1"));
    h.receiver.failuresToAnswer = ["fail", "fail", "fail", "fail", "fail"];
    await confirm(h, "PL20261130000002-1");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // One attempt and the two configured retries, then Alipay gives up.
    expect(h.receiver.received).toHaveLength(6);
  });

  it("a tampered total_amount is refused as forged", async () => {
    await openCashier(await createPayment(h));
    h.sandbox.autoNotify = false;
    await confirm(h, "PL20261130000001-1");
    const body = Buffer.from(h.sandbox.notificationFor("PL20261130000001-1").rawBody).toString();
    expect(body).toContain("total_amount=700.00");

    const tampered = Buffer.from(body.replace("total_amount=700.00", "total_amount=7.00"));

    expect(await codeOf(h.provider.verifyNotification({ headers: {}, rawBody: tampered }))).toBe(
      "ALIPAY_SIGNATURE_INVALID",
    );
  });

  it("a notification signed with another key (e.g. the application's own) is refused as forged", async () => {
    await openCashier(await createPayment(h));
    const params = h.sandbox.notificationFor("PL20261130000001-1").params;
    const signedByApp = signAlipayNotification(params, keys.appPrivateKeyPem);

    const rawBody = Buffer.from(alipayNotificationBody(signedByApp));

    expect(await codeOf(h.provider.verifyNotification({ headers: {}, rawBody }))).toBe("ALIPAY_SIGNATURE_INVALID");
  });

  it("a correctly signed notification for another app_id or seller_id is refused as foreign", async () => {
    await openCashier(await createPayment(h));
    const foreignApp = h.sandbox.notificationFor("PL20261130000001-1", { app_id: "2021000000009999" });
    const foreignSeller = h.sandbox.notificationFor("PL20261130000001-1", { seller_id: "2088000000009999" });

    expect(await codeOf(h.provider.verifyNotification(foreignApp))).toBe("ALIPAY_FOREIGN_MERCHANT");
    expect(await codeOf(h.provider.verifyNotification(foreignSeller))).toBe("ALIPAY_FOREIGN_MERCHANT");
  });

  it("a body without a signature, or with a parameter twice, is refused as malformed", async () => {
    await openCashier(await createPayment(h));
    const { params } = h.sandbox.notificationFor("PL20261130000001-1");
    const { sign: _sign, ...unsigned } = params;
    const twice = `${alipayNotificationBody(params)}&total_amount=7.00`;

    const noSign = { headers: {}, rawBody: Buffer.from(alipayNotificationBody(unsigned)) };
    expect(await codeOf(h.provider.verifyNotification(noSign))).toBe("ALIPAY_NOTIFICATION_MALFORMED");
    const repeated = { headers: {}, rawBody: Buffer.from(twice) };
    expect(await codeOf(h.provider.verifyNotification(repeated))).toBe("ALIPAY_NOTIFICATION_MALFORMED");
  });

  it("only TRADE_SUCCESS and TRADE_FINISHED mean paid: WAIT_BUYER_PAY is pending, TRADE_CLOSED closed", async () => {
    await openCashier(await createPayment(h));
    const stateOf = async (status: string) =>
      (await h.provider.verifyNotification(h.sandbox.notificationFor("PL20261130000001-1", { trade_status: status })))
        .report.state;

    expect(await stateOf("WAIT_BUYER_PAY")).toBe("pending");
    expect(await stateOf("TRADE_CLOSED")).toBe("closed");
    expect(await stateOf("TRADE_FINISHED")).toBe("paid");
    expect(await stateOf("TRADE_SUCCESS")).toBe("paid");
    expect(await codeOf(stateOf("TRADE_PENDING"))).toBe("ALIPAY_NOTIFICATION_MALFORMED");
  });

  it("a refund notification reports what was refunded (a whole refund arrives as TRADE_CLOSED)", async () => {
    await openCashier(await createPayment(h));
    await confirm(h, "PL20261130000001-1");
    await h.provider.refund({
      outTradeNo: "PL20261130000001-1",
      outRefundNo: "RF1",
      refundFen: 70_000,
      totalFen: 70_000,
      reason: "用户申请退款",
    });

    const { report } = await h.provider.verifyNotification(h.sandbox.notificationFor("PL20261130000001-1"));

    expect(report).toMatchObject({ state: "closed", amountFen: 70_000, refundedFen: 70_000 });
  });

  it("queries: unknown before the cashier opens, pending on it, paid after paying without a notification", async () => {
    h.sandbox.autoNotify = false;
    const payUrl = await createPayment(h);
    expect(await h.provider.query("PL20261130000001-1")).toBeNull();

    await openCashier(payUrl);
    expect(await h.provider.query("PL20261130000001-1")).toMatchObject({ state: "pending", paidAt: null });

    h.clock.now = new Date("2026-11-30T04:10:00Z");
    await confirm(h, "PL20261130000001-1");
    expect(h.receiver.received).toHaveLength(0);
    expect(await h.provider.query("PL20261130000001-1")).toEqual({
      outTradeNo: "PL20261130000001-1",
      providerTradeNo: h.sandbox.trade("PL20261130000001-1")?.tradeNo,
      state: "paid",
      amountFen: 70_000,
      paidAt: new Date("2026-11-30T04:10:00Z"),
    });
  });

  it("closes an unpaid trade, which the cashier then refuses; closing an unknown trade is a no-op", async () => {
    await openCashier(await createPayment(h));

    await h.provider.close("PL20261130000001-1");
    await h.provider.close("PL-never-opened");

    expect(await h.provider.query("PL20261130000001-1")).toMatchObject({ state: "closed" });
    expect((await confirm(h, "PL20261130000001-1")).status).toBe(409);
    expect(h.receiver.received).toHaveLength(0);
  });

  it("refuses to close a paid trade with a code", async () => {
    await openCashier(await createPayment(h));
    await confirm(h, "PL20261130000001-1");

    expect(await codeOf(h.provider.close("PL20261130000001-1"))).toBe("ALIPAY_TRADE_PAID");
  });

  it("a trade unpaid at time_expire is closed by Alipay", async () => {
    await openCashier(await createPayment(h));

    h.clock.now = new Date(h.clock.now.getTime() + 2 * HOUR);

    expect(await h.provider.query("PL20261130000001-1")).toMatchObject({ state: "closed" });
    expect((await confirm(h, "PL20261130000001-1")).status).toBe(409);
  });

  it("refunds by out_request_no: a retry refunds once; over-refunds and changed retries fail", async () => {
    await openCashier(await createPayment(h));
    await confirm(h, "PL20261130000001-1");
    const refund = (outRefundNo: string, refundFen: number) =>
      h.provider.refund({ outTradeNo: "PL20261130000001-1", outRefundNo, refundFen, totalFen: 70_000, reason: "退款" });

    expect(await refund("RF1", 30_000)).toEqual({ state: "succeeded" });
    expect(await refund("RF1", 30_000)).toEqual({ state: "succeeded" });
    expect(await refund("RF1", 20_000)).toEqual({ state: "failed" });
    expect(await refund("RF2", 50_000)).toEqual({ state: "failed" });
    expect(await h.provider.query("PL20261130000001-1")).toMatchObject({ state: "paid" });

    expect(await refund("RF2", 40_000)).toEqual({ state: "succeeded" });
    expect([...(h.sandbox.trade("PL20261130000001-1")?.refunds.values() ?? [])].map((r) => r.fen)).toEqual([
      30_000, 40_000,
    ]);
    expect(await h.provider.query("PL20261130000001-1")).toMatchObject({ state: "closed" });
  });

  it("refunding an unpaid or unknown trade fails", async () => {
    await openCashier(await createPayment(h));
    const input = { outRefundNo: "RF1", refundFen: 100, totalFen: 70_000, reason: "退款" };

    expect(await h.provider.refund({ ...input, outTradeNo: "PL20261130000001-1" })).toEqual({ state: "failed" });
    expect(await h.provider.refund({ ...input, outTradeNo: "PL-unknown" })).toEqual({ state: "failed" });
  });
});

describe("AlipayPaymentProvider with keys that do not match", () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it("the gateway refuses a request signed with another application key", async () => {
    h = await harness({}, { appPrivateKeyPem: otherKeys.appPrivateKeyPem });
    const failure = await h.provider.query("PL1").catch((error: AppError) => error);

    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe("ALIPAY_REQUEST_FAILED");
    expect((failure as AppError).details).toMatchObject({ subCode: "isv.invalid-signature" });
    const cashier = await openCashier(await createPayment(h));
    expect(cashier.status).toBe(400);
    expect(cashier.html).toContain("isv.invalid-signature");
  });

  it("an answer not signed with the configured Alipay public key is not believed", async () => {
    h = await harness({}, { alipayPublicKeyPem: otherKeys.alipayPublicKeyPem });
    await openCashier(await createPayment(h));

    expect(await codeOf(h.provider.query("PL20261130000001-1"))).toBe("ALIPAY_REQUEST_FAILED");
    expect(await codeOf(h.provider.close("PL20261130000001-1"))).toBe("ALIPAY_REQUEST_FAILED");
  });
});
