import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Channel,
  orderToPay,
  type PaymentTestApp,
  payOnAlipay,
  payOnWechat,
  postNotification,
  startPayment,
  startPaymentTestApp,
} from "../../../test/support/payments";
import { TestClock } from "../../../test/support/test-app";
import { signAlipayNotification } from "../../adapters/payments/sandbox/alipay-signature";
import { signWechatPayNotification } from "../../adapters/payments/sandbox/wechat-notification";

let p: PaymentTestApp;
const clock = new TestClock(new Date());
beforeAll(async () => {
  p = await startPaymentTestApp(clock);
});
afterAll(() => p?.close());

const SUCCESS: Record<Channel, { status: number; body: string }> = {
  alipay: { status: 200, body: "success" },
  wechat: { status: 204, body: "" },
};

type Notification = { headers: Record<string, string | string[] | undefined>; rawBody: Uint8Array };

/** What each channel's provider would send about a trade of its sandbox, optionally with changed fields. */
const notifications = {
  alipay: {
    of: (outTradeNo: string, fields: Record<string, string> = {}): Notification =>
      p.alipay.notificationFor(outTradeNo, fields),
    closed: (outTradeNo: string) => p.alipay.notificationFor(outTradeNo, { trade_status: "TRADE_CLOSED" }),
    pending: (outTradeNo: string) => p.alipay.notificationFor(outTradeNo, { trade_status: "WAIT_BUYER_PAY" }),
    wrongAmount: (outTradeNo: string) => p.alipay.notificationFor(outTradeNo, { total_amount: "0.01" }),
    unknownTrade: (outTradeNo: string) => p.alipay.notificationFor(outTradeNo, { out_trade_no: "PL20990101999999P01" }),
  },
  wechat: {
    of: (outTradeNo: string, fields: Record<string, unknown> = {}, at = clock.now()): Notification => {
      const trade = p.wechat.trades.get(outTradeNo);
      if (!trade) throw new Error(`no WeChat Pay trade ${outTradeNo}`);
      return signWechatPayNotification({ ...p.wechat.transactionOf(trade), ...fields }, p.wechatKeys, { at });
    },
    closed: (outTradeNo: string) => notifications.wechat.of(outTradeNo, { trade_state: "CLOSED" }),
    pending: (outTradeNo: string) => notifications.wechat.of(outTradeNo, { trade_state: "NOTPAY" }),
    wrongAmount: (outTradeNo: string) =>
      notifications.wechat.of(outTradeNo, { amount: { total: 1, payer_total: 1, currency: "CNY" } }),
    unknownTrade: (outTradeNo: string) => notifications.wechat.of(outTradeNo, { out_trade_no: "PL20990101999999P01" }),
  },
};

/** An order paid at the provider but not yet told to us: the payment is still `created`. */
async function paidAtProviderOnly(channel: Channel) {
  const e = await orderToPay(p);
  const start = await startPayment(e.client, e.order.id, channel);
  if (channel === "alipay") {
    p.alipay.autoNotify = false;
    try {
      await payOnAlipay(start.payUrl ?? "");
    } finally {
      p.alipay.autoNotify = true;
    }
  } else {
    await payOnWechat(p.wechatOrigin, start.codeUrl ?? "");
  }
  return { ...e, start };
}

const db = () => p.ctx.database.db;
const paymentsOf = (orderId: string) =>
  db().selectFrom("payments").selectAll().where("order_id", "=", orderId).orderBy("out_trade_no").execute();
const orderRow = (orderId: string) =>
  db().selectFrom("renewal_orders").selectAll().where("id", "=", orderId).executeTakeFirstOrThrow();
async function auditCount(action: string, entityId: string): Promise<number> {
  const rows = await db()
    .selectFrom("audit_log")
    .select("id")
    .where("action", "=", action)
    .where("entity_id", "=", entityId)
    .execute();
  return rows.length;
}
/** The refusal codes audited so far, in order. */
async function refusals(): Promise<string[]> {
  const rows = await db()
    .selectFrom("audit_log")
    .select(["data"])
    .where("action", "=", "payment.notification_refused")
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((r) => (JSON.parse(r.data ?? "{}") as { code: string }).code);
}
/** Sends a notification that must be refused: the code answered, audited, and nothing changed. */
async function expectRefused(channel: Channel, notification: Notification, code: string, orderId: string) {
  const before = await refusals();
  const paymentsBefore = await paymentsOf(orderId);
  const answer = await postNotification(p, channel, notification);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(JSON.parse(answer.body).error.code).toBe(code);
  expect(await refusals()).toEqual([...before, code]);
  expect(await paymentsOf(orderId)).toEqual(paymentsBefore);
  expect((await orderRow(orderId)).status).toBe("pending_payment");
}

describe.each(["alipay", "wechat"] as const)(
  "payment notifications on %s (real adapter, sandbox gateway)",
  (channel) => {
    it("pays an order: 【立即支付】, the sandbox pays and notifies, the items wait for their key update", async () => {
      const e = await orderToPay(p);
      const start = await startPayment(e.client, e.order.id, channel);
      expect(start.amountFen).toBe(e.order.totalFen);
      expect(start.outTradeNo.startsWith(e.order.orderNo)).toBe(true);
      if (channel === "alipay") {
        expect(start.payUrl?.startsWith(`${p.origin}/sandbox/alipay/gateway.do?`)).toBe(true);
        await payOnAlipay(start.payUrl ?? "");
      } else {
        expect(start.codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
        await payOnWechat(p.wechatOrigin, start.codeUrl ?? "");
        expect(await p.wechat.notify(start.outTradeNo)).toBe(204);
      }

      const order = (await e.client.get(`/api/v1/renewal-orders/${e.order.id}`)).json();
      expect(order.status).toBe("paid");
      expect(order.items.map((i: { status: string }) => i.status)).toEqual(["awaiting_update"]);
      const payments = await paymentsOf(e.order.id);
      expect(payments.map((x) => [x.channel, x.status, x.amount_fen])).toEqual([[channel, "paid", e.order.totalFen]]);
      expect(payments[0]?.provider_trade_no).toBeTruthy();
      expect(await auditCount("payment.paid", start.paymentId)).toBe(1);
      expect(await auditCount("renewal_order.paid", e.order.id)).toBe(1);
      const state = (await e.client.get(`/api/v1/payments/${start.paymentId}`)).json();
      expect(state).toMatchObject({ status: "paid", orderStatus: "paid" });
      const stranger = await orderToPay(p);
      expect((await stranger.client.get(`/api/v1/payments/${start.paymentId}`)).statusCode).toBe(403);
      const foreignStart = await stranger.client.post(`/api/v1/renewal-orders/${e.order.id}/payments`, { channel });
      expect(foreignStart.statusCode).toBe(403);
      const updates = (await e.client.get("/api/v1/renewals/updates")).json();
      expect(updates.items).toEqual([
        expect.objectContaining({ orderId: e.order.id, certificateId: e.certificateIds[0], status: "awaiting_update" }),
      ]);

      // The provider replays it later (its retry after a lost answer): answered alike, nothing happens twice.
      const replay =
        channel === "alipay"
          ? await p.alipay.sendNotification(start.outTradeNo)
          : { status: await p.wechat.notify(start.outTradeNo) };
      expect(replay.status).toBe(SUCCESS[channel].status);
      expect(await paymentsOf(e.order.id)).toEqual(payments);
      expect(await auditCount("payment.paid", start.paymentId)).toBe(1);
      expect(await auditCount("renewal_order.paid", e.order.id)).toBe(1);
    });

    it("【立即支付】 clicked five times at once opens one payment and one cashier", async () => {
      const e = await orderToPay(p);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => e.client.post(`/api/v1/renewal-orders/${e.order.id}/payments`, { channel })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(5).fill(200));
      const starts = answers.map((a) => a.json());
      expect(new Set(starts.map((s) => s.paymentId)).size).toBe(1);
      expect(new Set(starts.map((s) => s.payUrl ?? s.codeUrl)).size).toBe(1);
      const payments = await paymentsOf(e.order.id);
      expect(payments.map((x) => [x.out_trade_no, x.status])).toEqual([[starts[0].outTradeNo, "created"]]);
      expect(await auditCount("payment.started", starts[0].paymentId)).toBe(1);
      if (channel === "wechat") expect(p.wechat.trades.has(starts[0].outTradeNo)).toBe(true);
    });

    it("the same valid notification 20 times at once: one payment paid, one transition, one audit row each", async () => {
      const e = await paidAtProviderOnly(channel);
      const notification = notifications[channel].of(e.start.outTradeNo);
      const answers = await Promise.all(Array.from({ length: 20 }, () => postNotification(p, channel, notification)));
      expect(answers).toEqual(Array(20).fill(SUCCESS[channel]));
      const payments = await paymentsOf(e.order.id);
      expect(payments.map((x) => x.status)).toEqual(["paid"]);
      expect((await orderRow(e.order.id)).status).toBe("paid");
      expect(await auditCount("payment.paid", e.start.paymentId)).toBe(1);
      expect(await auditCount("renewal_order.paid", e.order.id)).toBe(1);
      const items = await db()
        .selectFrom("renewal_items")
        .select("status")
        .where("order_id", "=", e.order.id)
        .execute();
      expect(items.map((i) => i.status)).toEqual(["awaiting_update"]);
    });

    it("refuses wrong-amount and unknown-trade notifications with their codes, audited, and changes nothing", async () => {
      const e = await paidAtProviderOnly(channel);
      await expectRefused(
        channel,
        notifications[channel].wrongAmount(e.start.outTradeNo),
        "PAYMENT_NOTIFICATION_AMOUNT_MISMATCH",
        e.order.id,
      );
      await expectRefused(
        channel,
        notifications[channel].unknownTrade(e.start.outTradeNo),
        "PAYMENT_NOTIFICATION_UNKNOWN_TRADE",
        e.order.id,
      );
      // The real one still counts.
      expect(await postNotification(p, channel, notifications[channel].of(e.start.outTradeNo))).toEqual(
        SUCCESS[channel],
      );
      expect((await orderRow(e.order.id)).status).toBe("paid");
    });

    it("a closed or pending report arriving after the paid one does not undo it", async () => {
      const e = await paidAtProviderOnly(channel);
      expect(await postNotification(p, channel, notifications[channel].of(e.start.outTradeNo))).toEqual(
        SUCCESS[channel],
      );
      const paid = await paymentsOf(e.order.id);
      for (const late of [notifications[channel].closed, notifications[channel].pending]) {
        expect(await postNotification(p, channel, late(e.start.outTradeNo))).toEqual(SUCCESS[channel]);
      }
      // A paid report with another amount is refused even once the payment is paid.
      const before = await refusals();
      const wrong = await postNotification(p, channel, notifications[channel].wrongAmount(e.start.outTradeNo));
      expect(JSON.parse(wrong.body).error.code).toBe("PAYMENT_NOTIFICATION_AMOUNT_MISMATCH");
      expect(await refusals()).toEqual([...before, "PAYMENT_NOTIFICATION_AMOUNT_MISMATCH"]);
      expect(await paymentsOf(e.order.id)).toEqual(paid);
      expect((await orderRow(e.order.id)).status).toBe("paid");
      expect(await auditCount("payment.closed", e.start.paymentId)).toBe(0);
    });
  },
);

describe("forged, tampered and foreign notifications are refused and audited", () => {
  it("Alipay: forged signature, tampered body, another app or seller, no signature", async () => {
    const e = await paidAtProviderOnly("alipay");
    const genuine = p.alipay.notificationFor(e.start.outTradeNo);
    const stranger = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const { sign: _sign, sign_type: _signType, ...fields } = genuine.params;
    const forged = signAlipayNotification(fields, stranger.privateKey);
    const form = (params: Record<string, string>) => ({
      headers: genuine.headers as Record<string, string>,
      rawBody: Buffer.from(new URLSearchParams(params).toString()),
    });
    await expectRefused("alipay", form(forged), "ALIPAY_SIGNATURE_INVALID", e.order.id);
    const tampered = Buffer.from(genuine.rawBody)
      .toString()
      .replace(/total_amount=[^&]+/, "total_amount=0.01");
    await expectRefused(
      "alipay",
      { headers: genuine.headers as Record<string, string>, rawBody: Buffer.from(tampered) },
      "ALIPAY_SIGNATURE_INVALID",
      e.order.id,
    );
    await expectRefused(
      "alipay",
      notifications.alipay.of(e.start.outTradeNo, { app_id: "2021000000000999", auth_app_id: "2021000000000999" }),
      "ALIPAY_FOREIGN_MERCHANT",
      e.order.id,
    );
    await expectRefused(
      "alipay",
      notifications.alipay.of(e.start.outTradeNo, { seller_id: "2088000000000999" }),
      "ALIPAY_FOREIGN_MERCHANT",
      e.order.id,
    );
    await expectRefused("alipay", form(fields), "ALIPAY_NOTIFICATION_MALFORMED", e.order.id);
    expect(await postNotification(p, "alipay", genuine)).toEqual(SUCCESS.alipay);
    expect((await orderRow(e.order.id)).status).toBe("paid");
  });

  it("WeChat Pay: forged signature, tampered body, another merchant, stale timestamp, SIGNTEST probe", async () => {
    const e = await paidAtProviderOnly("wechat");
    const genuine = notifications.wechat.of(e.start.outTradeNo);
    await expectRefused(
      "wechat",
      { ...genuine, headers: { ...genuine.headers, "Wechatpay-Signature": Buffer.alloc(256, 7).toString("base64") } },
      "WECHATPAY_SIGNATURE_INVALID",
      e.order.id,
    );
    const body = JSON.parse(Buffer.from(genuine.rawBody).toString());
    await expectRefused(
      "wechat",
      { ...genuine, rawBody: Buffer.from(JSON.stringify({ ...body, summary: "支付成功 " })) },
      "WECHATPAY_SIGNATURE_INVALID",
      e.order.id,
    );
    await expectRefused(
      "wechat",
      notifications.wechat.of(e.start.outTradeNo, { mchid: "1900000999" }),
      "WECHATPAY_FOREIGN_MERCHANT",
      e.order.id,
    );
    await expectRefused(
      "wechat",
      notifications.wechat.of(e.start.outTradeNo, { appid: "wx0000000000000999" }),
      "WECHATPAY_FOREIGN_MERCHANT",
      e.order.id,
    );
    const sixMinutesAgo = new Date(clock.now().getTime() - 6 * 60_000);
    await expectRefused(
      "wechat",
      notifications.wechat.of(e.start.outTradeNo, {}, sixMinutesAgo),
      "WECHATPAY_NOTIFICATION_STALE",
      e.order.id,
    );
    await expectRefused(
      "wechat",
      { ...genuine, headers: { ...genuine.headers, "Wechatpay-Signature": "WECHATPAY/SIGNTEST/c2lnbg==" } },
      "WECHATPAY_NOTIFICATION_PROBE",
      e.order.id,
    );
    await expectRefused(
      "wechat",
      { ...genuine, headers: { ...genuine.headers, "Wechatpay-Serial": "PUB_KEY_ID_0000000000000000000000000000" } },
      "WECHATPAY_SERIAL_UNKNOWN",
      e.order.id,
    );
    expect(await postNotification(p, "wechat", genuine)).toEqual(SUCCESS.wechat);
    expect((await orderRow(e.order.id)).status).toBe("paid");
  });
});
