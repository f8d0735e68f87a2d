import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startNotificationReceiver,
  startWechatPaySandbox,
  wechatPayTestKeys,
} from "../../../../test/support/wechat-pay";
import type { PaymentNotification } from "../payment-provider";
import { sandboxMerchant, type WechatPayKeyMode, type WechatPaySandboxKeys } from "../sandbox/wechat-keys";
import { signedHeaders, signWechatPayNotification } from "../sandbox/wechat-notification";
import { WechatPayPaymentProvider } from "./wechat-pay-provider";

const HOUR = 3_600_000;
const MODES: WechatPayKeyMode[] = ["public_key", "platform_certificate"];

let keys: WechatPaySandboxKeys;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  keys = await wechatPayTestKeys();
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setUp(mode: WechatPayKeyMode, options: { autoNotify?: boolean } = {}) {
  const receiver = await startNotificationReceiver();
  cleanups.push(receiver.close);
  const gateway = await startWechatPaySandbox({ keys, mode, retryDelaysMs: [0, 20, 20], ...options });
  cleanups.push(gateway.close);
  const provider = new WechatPayPaymentProvider({
    ...sandboxMerchant(keys, mode),
    baseUrl: gateway.baseUrl,
    notifyUrl: receiver.notifyUrl,
  });
  return { receiver, gateway, sandbox: gateway.sandbox, provider };
}

let sequence = 0;
const outTradeNo = () => `PL20260520${String(++sequence).padStart(6, "0")}W1`;

async function scanAndConfirm(origin: string, codeUrl: string): Promise<string> {
  const page = await fetch(`${origin}/sandbox/wechatpay/scan?code_url=${encodeURIComponent(codeUrl)}`);
  const html = await page.text();
  const prId = /name="pr" value="([^"]+)"/.exec(html)?.[1];
  if (!prId) throw new Error(`no confirm form on the scan page: ${html}`);
  const confirmed = await fetch(`${origin}/sandbox/wechatpay/scan/confirm`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ pr: prId }),
  });
  return confirmed.text();
}

async function refusal(provider: WechatPayPaymentProvider, notification: PaymentNotification) {
  return provider.verifyNotification(notification).then(
    () => expect.unreachable("the notification should have been refused"),
    (error: unknown) => error,
  );
}

describe.each(MODES)("WeChat Pay Native pay against the sandbox (%s mode)", (mode) => {
  it("creates a payment whose code the scan page pays, and the signed notification reports it paid", async () => {
    const { receiver, gateway, sandbox, provider } = await setUp(mode);
    const no = outTradeNo();
    const expiresAt = new Date(Date.now() + 2 * HOUR);
    const start = await provider.create({ outTradeNo: no, amountFen: 65_000, subject: "CA 证书更新 PL1", expiresAt });
    expect(start.kind).toBe("qr_code");
    const codeUrl = start.kind === "qr_code" ? start.codeUrl : "";
    expect(codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=[\w-]+$/);
    expect(sandbox.trades.get(no)?.timeExpire?.getTime()).toBe(Math.floor(expiresAt.getTime() / 1000) * 1000);

    const scan = await (
      await fetch(`${gateway.origin}/sandbox/wechatpay/scan?code_url=${encodeURIComponent(codeUrl)}`)
    ).text();
    expect(scan).toContain('lang="zh-CN"');
    for (const text of ["微信支付", "CA 证书更新 PL1", "¥650.00", no, "确认支付"]) expect(scan).toContain(text);

    expect(await scanAndConfirm(gateway.origin, codeUrl)).toContain("支付成功");
    await sandbox.settled();
    expect(receiver.received).toHaveLength(1);
    const [notification] = receiver.received;
    expect(notification?.headers["wechatpay-serial"]).toBe(
      mode === "public_key" ? keys.publicKeyId : keys.platformSerialNo,
    );

    const { report, reply } = await provider.verifyNotification(notification as PaymentNotification);
    expect(report).toEqual({
      outTradeNo: no,
      providerTradeNo: sandbox.trades.get(no)?.transactionId,
      state: "paid",
      amountFen: 65_000,
      paidAt: expect.any(Date),
    });
    expect(reply).toEqual({ status: 204, body: "" });
  });

  it("a second 【确认支付】 makes no second transaction and no second notification", async () => {
    const { receiver, gateway, sandbox, provider } = await setUp(mode);
    const no = outTradeNo();
    const start = await provider.create({
      outTradeNo: no,
      amountFen: 100,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    const codeUrl = start.kind === "qr_code" ? start.codeUrl : "";
    await scanAndConfirm(gateway.origin, codeUrl);
    const transactionId = sandbox.trades.get(no)?.transactionId;
    const pr = new URL(codeUrl.replace("weixin://", "http://")).searchParams.get("pr") ?? "";
    const again = await fetch(`${gateway.origin}/sandbox/wechatpay/scan/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pr }),
    });
    expect(await again.text()).toContain("支付成功");
    await sandbox.settled();
    expect(sandbox.trades.get(no)?.transactionId).toBe(transactionId);
    expect(receiver.received).toHaveLength(1);
  });

  it("queries: unknown → null, unpaid → pending, paid → paid with the amount", async () => {
    const { sandbox, provider } = await setUp(mode, { autoNotify: false });
    expect(await provider.query("PL_UNKNOWN_0001")).toBeNull();
    const no = outTradeNo();
    await provider.create({
      outTradeNo: no,
      amountFen: 30_000,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    expect(await provider.query(no)).toMatchObject({
      outTradeNo: no,
      state: "pending",
      amountFen: 30_000,
      paidAt: null,
    });
    const trade = sandbox.trades.get(no);
    if (!trade) throw new Error("no trade");
    sandbox.pay(trade);
    expect(await provider.query(no)).toMatchObject({
      state: "paid",
      amountFen: 30_000,
      providerTradeNo: trade.transactionId,
      paidAt: expect.any(Date),
    });
  });

  it("closes an unpaid payment (it can no longer be paid) and refuses to close a paid one", async () => {
    const { gateway, sandbox, provider } = await setUp(mode, { autoNotify: false });
    const no = outTradeNo();
    const start = await provider.create({
      outTradeNo: no,
      amountFen: 500,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    await provider.close(no);
    await provider.close(no);
    expect(await provider.query(no)).toMatchObject({ state: "closed" });
    const codeUrl = start.kind === "qr_code" ? start.codeUrl : "";
    const scan = await fetch(`${gateway.origin}/sandbox/wechatpay/scan?code_url=${encodeURIComponent(codeUrl)}`);
    const html = await scan.text();
    expect(html).toContain("该订单已关闭");
    expect(html).not.toContain("确认支付");
    await expect(provider.close("PL_NEVER_CREATED")).resolves.toBeUndefined();

    const paid = outTradeNo();
    await provider.create({
      outTradeNo: paid,
      amountFen: 500,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    const trade = sandbox.trades.get(paid);
    if (trade) sandbox.pay(trade);
    await expect(provider.close(paid)).rejects.toMatchObject({ code: "WECHATPAY_ORDER_PAID" });
  });

  it("refunds part then the rest; the same out_refund_no refunds once; more than was paid is refused", async () => {
    const { sandbox, provider } = await setUp(mode, { autoNotify: false });
    const no = outTradeNo();
    await provider.create({
      outTradeNo: no,
      amountFen: 70_000,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    const trade = sandbox.trades.get(no);
    if (trade) sandbox.pay(trade);
    const first = { outTradeNo: no, outRefundNo: "RF0001", refundFen: 30_000, totalFen: 70_000, reason: "刘洋退款" };
    expect(await provider.refund(first)).toEqual({ state: "succeeded" });
    expect(await provider.refund(first)).toEqual({ state: "succeeded" });
    expect(trade?.refunds.size).toBe(1);
    // A refusal of the refund itself (here NOT_ENOUGH) is its answer, not an outage to retry.
    expect(await provider.refund({ ...first, outRefundNo: "RF0002", refundFen: 40_001 })).toEqual({ state: "failed" });
    expect(await provider.refund({ ...first, outRefundNo: "RF0003", refundFen: 40_000 })).toEqual({
      state: "succeeded",
    });
    expect(await provider.query(no)).toMatchObject({ state: "paid", amountFen: 70_000 });
  });

  it("placing the same out_trade_no again gives the same code; with another amount it is refused", async () => {
    const { provider } = await setUp(mode, { autoNotify: false });
    const input = { outTradeNo: outTradeNo(), amountFen: 800, subject: "续费", expiresAt: new Date(Date.now() + HOUR) };
    expect(await provider.create(input)).toEqual(await provider.create(input));
    await expect(provider.create({ ...input, amountFen: 801 })).rejects.toMatchObject({
      code: "WECHATPAY_REQUEST_FAILED",
      details: { status: 403, code: "OUT_TRADE_NO_USED" },
    });
  });

  it("retries a notification that is not answered 2xx, a bounded number of times", async () => {
    const { receiver, gateway, sandbox, provider } = await setUp(mode);
    receiver.answerNext(500, 502);
    const start = await provider.create({
      outTradeNo: outTradeNo(),
      amountFen: 100,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    await scanAndConfirm(gateway.origin, start.kind === "qr_code" ? start.codeUrl : "");
    await sandbox.settled();
    expect(receiver.received).toHaveLength(3);

    receiver.answerNext(500, 500, 500, 500);
    const second = await provider.create({
      outTradeNo: outTradeNo(),
      amountFen: 100,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    await scanAndConfirm(gateway.origin, second.kind === "qr_code" ? second.codeUrl : "");
    await sandbox.settled();
    expect(receiver.received).toHaveLength(6);
  });
});

describe.each(MODES)("WeChat Pay notifications that are refused (%s mode)", (mode) => {
  async function paidTrade() {
    const setup = await setUp(mode, { autoNotify: false });
    const no = outTradeNo();
    await setup.provider.create({
      outTradeNo: no,
      amountFen: 55_000,
      subject: "续费",
      expiresAt: new Date(Date.now() + HOUR),
    });
    const trade = setup.sandbox.trades.get(no);
    if (!trade) throw new Error("no trade");
    setup.sandbox.pay(trade);
    return { ...setup, no, trade };
  }

  it("accepts the untouched notification (the control for the refusals below)", async () => {
    const { sandbox, provider, no } = await paidTrade();
    const { report } = await provider.verifyNotification(sandbox.buildNotification(no));
    expect(report).toMatchObject({ outTradeNo: no, state: "paid", amountFen: 55_000 });
  });

  it("a signature made with another key", async () => {
    const { sandbox, provider, no } = await paidTrade();
    const forger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    const genuine = sandbox.buildNotification(no);
    const signedByStranger = signedHeaders(
      genuine.rawBody,
      { serial: genuine.headers["Wechatpay-Serial"] ?? "", privateKeyPem: String(forger) },
      new Date(),
    );
    expect(await refusal(provider, { headers: signedByStranger, rawBody: genuine.rawBody })).toMatchObject({
      code: "WECHATPAY_SIGNATURE_INVALID",
    });
  });

  it("a body changed after signing (a field edited, or the same JSON re-encoded)", async () => {
    const { sandbox, provider, no } = await paidTrade();
    const signed = sandbox.buildNotification(no);
    const body = JSON.parse(signed.rawBody.toString());
    body.summary = "支付成功 ";
    expect(
      await refusal(provider, { headers: signed.headers, rawBody: Buffer.from(JSON.stringify(body)) }),
    ).toMatchObject({ code: "WECHATPAY_SIGNATURE_INVALID" });
    const reencoded = Buffer.from(JSON.stringify(JSON.parse(signed.rawBody.toString()), null, 1));
    expect(await refusal(provider, { headers: signed.headers, rawBody: reencoded })).toMatchObject({
      code: "WECHATPAY_SIGNATURE_INVALID",
    });
  });

  it("a timestamp more than 5 minutes old, or ahead", async () => {
    const { sandbox, provider, no } = await paidTrade();
    const stale = sandbox.buildNotification(no, { at: new Date(Date.now() - 5 * 60_000 - 2_000) });
    expect(await refusal(provider, stale)).toMatchObject({ code: "WECHATPAY_NOTIFICATION_STALE" });
    const ahead = sandbox.buildNotification(no, { at: new Date(Date.now() + 5 * 60_000 + 2_000) });
    expect(await refusal(provider, ahead)).toMatchObject({ code: "WECHATPAY_NOTIFICATION_STALE" });
    const recent = sandbox.buildNotification(no, { at: new Date(Date.now() - 4 * 60_000) });
    await expect(provider.verifyNotification(recent)).resolves.toMatchObject({ report: { state: "paid" } });
  });

  it("a WECHATPAY/SIGNTEST/ probe", async () => {
    const { sandbox, provider, no } = await paidTrade();
    const probe = sandbox.buildNotification(no, {
      overrides: { "Wechatpay-Signature": "WECHATPAY/SIGNTEST/ZmFrZSBzaWduYXR1cmU=" },
    });
    expect(await refusal(provider, probe)).toMatchObject({ code: "WECHATPAY_NOTIFICATION_PROBE" });
  });

  it("a serial we have not configured (the other mode's, or none known)", async () => {
    const { sandbox, provider, no } = await paidTrade();
    const otherSerial = mode === "public_key" ? keys.platformSerialNo : keys.publicKeyId;
    for (const serial of [otherSerial, "PUB_KEY_ID_0119000000012026052000000000000000"]) {
      const notification = sandbox.buildNotification(no, { overrides: { "Wechatpay-Serial": serial } });
      expect(await refusal(provider, notification)).toMatchObject({ code: "WECHATPAY_SERIAL_UNKNOWN" });
    }
  });

  it("a transaction of another appid or mchid, correctly signed", async () => {
    const { sandbox, provider, no, trade } = await paidTrade();
    for (const foreign of [{ appid: "wx0000000000000099" }, { mchid: "1900000099" }]) {
      const notification = signWechatPayNotification({ ...sandbox.transactionOf(trade), ...foreign }, keys, { mode });
      expect(await refusal(provider, notification)).toMatchObject({ code: "WECHATPAY_FOREIGN_MERCHANT" });
    }
    expect(no).toBe(trade.outTradeNo);
  });

  it("a resource that does not decrypt with the APIv3 key, correctly signed", async () => {
    const { sandbox, provider, trade } = await paidTrade();
    const notification = signWechatPayNotification(
      sandbox.transactionOf(trade),
      { ...keys, apiV3Key: "x".repeat(32) },
      { mode },
    );
    expect(await refusal(provider, notification)).toMatchObject({ code: "WECHATPAY_RESOURCE_UNDECRYPTABLE" });
  });

  it("an amount that is not integer fen, correctly signed and encrypted", async () => {
    const { sandbox, provider, trade } = await paidTrade();
    const transaction = { ...sandbox.transactionOf(trade), amount: { total: 550.5, currency: "CNY" } };
    const notification = signWechatPayNotification(transaction, keys, { mode });
    expect(await refusal(provider, notification)).toMatchObject({ code: "WECHATPAY_NOTIFICATION_MALFORMED" });
  });
});

describe("WeChat Pay API answers and requests that fail verification", () => {
  it("an answer signed with a key the merchant does not trust is refused", async () => {
    const { gateway } = await setUp("public_key");
    const provider = new WechatPayPaymentProvider({
      ...sandboxMerchant(keys, "platform_certificate"),
      baseUrl: gateway.baseUrl,
      notifyUrl: "http://127.0.0.1:9/notify",
    });
    await expect(
      provider.create({
        outTradeNo: outTradeNo(),
        amountFen: 100,
        subject: "续费",
        expiresAt: new Date(Date.now() + HOUR),
      }),
    ).rejects.toMatchObject({ code: "WECHATPAY_RESPONSE_UNVERIFIED" });
  });

  it("the gateway refuses a request signed with another merchant key", async () => {
    const { gateway } = await setUp("public_key");
    const { merchant, verifiers } = sandboxMerchant(keys, "public_key");
    const provider = new WechatPayPaymentProvider({
      merchant: { ...merchant, mchPrivateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey },
      verifiers,
      baseUrl: gateway.baseUrl,
      notifyUrl: "http://127.0.0.1:9/notify",
    });
    await expect(provider.query("PL_ANY_000001")).rejects.toMatchObject({
      code: "WECHATPAY_REQUEST_FAILED",
      details: { status: 401, code: "SIGN_ERROR" },
    });
  });
});
