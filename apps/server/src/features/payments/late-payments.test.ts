import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, staffClient } from "../../../test/support/api-client";
import {
  type Channel,
  orderOf,
  orderToPay,
  type PaymentTestApp,
  payOnAlipay,
  payOnWechat,
  postNotification,
  startPayment,
  startPaymentTestApp,
} from "../../../test/support/payments";
import { TestClock } from "../../../test/support/test-app";
import { systemActor } from "../policy/actor";

let p: PaymentTestApp;
let operator: ApiClient;
const clock = new TestClock(new Date());
beforeAll(async () => {
  p = await startPaymentTestApp(clock);
  operator = await staffClient(p, "operator");
});
afterAll(() => p?.close());

const SUCCESS: Record<Channel, { status: number; body: string }> = {
  alipay: { status: 200, body: "success" },
  wechat: { status: 204, body: "" },
};
const EXPIRY_MS = 2 * 3_600_000;

const db = () => p.ctx.database.db;
const paymentsOf = (orderId: string) =>
  db().selectFrom("payments").selectAll().where("order_id", "=", orderId).orderBy("out_trade_no").execute();
const refundsOf = (paymentId: string) =>
  db().selectFrom("refunds").selectAll().where("payment_id", "=", paymentId).orderBy("created_at").execute();
const orderStatus = async (orderId: string) =>
  (await db().selectFrom("renewal_orders").select("status").where("id", "=", orderId).executeTakeFirstOrThrow()).status;
async function auditCount(action: string, entityId: string): Promise<number> {
  const rows = await db()
    .selectFrom("audit_log")
    .select("id")
    .where("action", "=", action)
    .where("entity_id", "=", entityId)
    .execute();
  return rows.length;
}

/** The payer pays at the provider without the provider telling us (its notification is lost or late). */
async function payQuietly(channel: Channel, start: { payUrl?: string; codeUrl?: string }) {
  if (channel === "wechat") return payOnWechat(p.wechatOrigin, start.codeUrl ?? "");
  p.alipay.autoNotify = false;
  try {
    await payOnAlipay(start.payUrl ?? "");
  } finally {
    p.alipay.autoNotify = true;
  }
}

/** The provider's notification for a trade it has, sent to our notify route now. */
async function notify(channel: Channel, outTradeNo: string) {
  if (channel === "wechat") return { status: await p.wechat.notify(outTradeNo), body: "" };
  return postNotification(p, "alipay", p.alipay.notificationFor(outTradeNo));
}

/** The trade's state at the provider, in its own words. */
function providerState(channel: Channel, outTradeNo: string): string | undefined {
  return channel === "alipay" ? p.alipay.trade(outTradeNo)?.status : p.wechat.trades.get(outTradeNo)?.state;
}

/** The console's view of a payment. */
async function consolePayment(orderNo: string, paymentId: string) {
  const page = (await operator.get(`/api/v1/console/payments?orderNo=${orderNo}`)).json();
  return page.items.find((item: { paymentId: string }) => item.paymentId === paymentId);
}

/** Money that arrived for an order that no longer takes it: one automatic refund, requested then done. */
async function expectRefundedAutomatically(orderNo: string, payment: { paymentId: string; amountFen: number }) {
  const [requested] = await refundsOf(payment.paymentId);
  expect(await refundsOf(payment.paymentId)).toHaveLength(1);
  expect(requested).toMatchObject({ automatic: 1, status: "requested", amount_fen: payment.amountFen });
  await p.runPaymentJobs();
  expect((await refundsOf(payment.paymentId)).map((r) => r.status)).toEqual(["succeeded"]);
  const [row] = await db().selectFrom("payments").selectAll().where("id", "=", payment.paymentId).execute();
  expect(row?.status).toBe("refunded");
  expect(await auditCount("payment.paid", payment.paymentId)).toBe(1);
  expect(await consolePayment(orderNo, payment.paymentId)).toMatchObject({
    status: "refunded",
    automaticRefund: true,
    refundedFen: payment.amountFen,
  });
}

describe.each(["alipay", "wechat"] as const)("late, doubled and missing payments on %s", (channel) => {
  it("a payment landing after its order expired is recorded and refunded by itself; the certificate is free", async () => {
    const e = await orderToPay(p);
    const start = await startPayment(e.client, e.order.id, channel);
    // WeChat's trade exists from 【立即支付】 and closes at its time_expire: the payer pays just in time.
    if (channel === "wechat") await payQuietly(channel, start);
    clock.advance(EXPIRY_MS + 1_000);
    await p.ctx.renewalOrders.expireDue(systemActor);
    expect(await orderStatus(e.order.id)).toBe("expired");
    expect((await paymentsOf(e.order.id)).map((x) => x.status)).toEqual(["closed"]);
    // Alipay's page still takes the money until its time_expire, which is the order's expiry on Alipay's clock.
    if (channel === "alipay") await payOnAlipay(start.payUrl ?? "");
    else expect(await notify(channel, start.outTradeNo)).toEqual(SUCCESS[channel]);

    expect(await orderStatus(e.order.id)).toBe("expired");
    expect((await paymentsOf(e.order.id)).map((x) => x.status)).toEqual(["refunding"]);
    await expectRefundedAutomatically(e.order.orderNo, start);
    expect(providerState(channel, start.outTradeNo)).toBe(channel === "alipay" ? "TRADE_CLOSED" : "REFUND");
    expect((await orderOf(e.client, e.certificateIds)).id).not.toBe(e.order.id);
  });

  it("paid twice (here first, then on the other channel): the second payment goes back by itself", async () => {
    const other: Channel = channel === "alipay" ? "wechat" : "alipay";
    const e = await orderToPay(p);
    const first = await startPayment(e.client, e.order.id, channel);
    const second = await startPayment(e.client, e.order.id, other);
    await payQuietly(channel, first);
    await payQuietly(other, second);
    expect(await notify(channel, first.outTradeNo)).toEqual(SUCCESS[channel]);
    expect(await orderStatus(e.order.id)).toBe("paid");
    // The other cashier is closed here at once; the payer had paid it already, so its notification still comes.
    expect((await paymentsOf(e.order.id)).map((x) => [x.channel, x.status])).toEqual([
      [channel, "paid"],
      [other, "closed"],
    ]);
    expect(await notify(other, second.outTradeNo)).toEqual(SUCCESS[other]);
    await expectRefundedAutomatically(e.order.orderNo, second);
    expect((await paymentsOf(e.order.id)).map((x) => x.status)).toEqual(["paid", "refunded"]);
    expect(await orderStatus(e.order.id)).toBe("paid");
    expect(await auditCount("renewal_order.paid", e.order.id)).toBe(1);
  });

  it("an open cashier of a paid order is closed at its provider", async () => {
    const other: Channel = channel === "alipay" ? "wechat" : "alipay";
    const e = await orderToPay(p);
    const first = await startPayment(e.client, e.order.id, channel);
    const second = await startPayment(e.client, e.order.id, other);
    // Alipay's trade exists once the payer has opened the cashier page.
    if (other === "alipay") expect((await fetch(second.payUrl ?? "")).status).toBe(200);
    await payQuietly(channel, first);
    expect(await notify(channel, first.outTradeNo)).toEqual(SUCCESS[channel]);
    expect(await p.runPaymentJobs()).toContain("payments.close");
    expect(providerState(other, second.outTradeNo)).toBe(other === "alipay" ? "TRADE_CLOSED" : "CLOSED");
    expect((await paymentsOf(e.order.id)).map((x) => x.status)).toEqual(["paid", "closed"]);
  });

  it("no notification comes: asking the provider finds the payment paid, exactly once", async () => {
    const e = await orderToPay(p);
    const start = await startPayment(e.client, e.order.id, channel);
    await payQuietly(channel, start);
    clock.advance(21_000);
    await p.ctx.payments.queryUnsettled();
    expect(await orderStatus(e.order.id)).toBe("paid");
    clock.advance(61_000);
    await p.ctx.payments.queryUnsettled();
    // The notification turns up after all: nothing more happens.
    expect(await notify(channel, start.outTradeNo)).toEqual(SUCCESS[channel]);
    expect((await paymentsOf(e.order.id)).map((x) => x.status)).toEqual(["paid"]);
    expect(await auditCount("payment.paid", start.paymentId)).toBe(1);
    expect(await auditCount("renewal_order.paid", e.order.id)).toBe(1);
    expect(await refundsOf(start.paymentId)).toEqual([]);
  });

  it("cancelling closes the open payment here and at the provider", async () => {
    const e = await orderToPay(p);
    const start = await startPayment(e.client, e.order.id, channel);
    if (channel === "alipay") expect((await fetch(start.payUrl ?? "")).status).toBe(200);
    expect((await e.client.post(`/api/v1/renewal-orders/${e.order.id}/cancel`)).json().status).toBe("cancelled");
    expect((await paymentsOf(e.order.id)).map((x) => x.status)).toEqual(["closed"]);
    expect(await p.runPaymentJobs()).toContain("payments.close");
    expect(providerState(channel, start.outTradeNo)).toBe(channel === "alipay" ? "TRADE_CLOSED" : "CLOSED");
    expect((await orderOf(e.client, e.certificateIds)).id).not.toBe(e.order.id);
  });

  it("cancelled while the payer was paying: the notification after the cancel is refunded by itself", async () => {
    const e = await orderToPay(p);
    const start = await startPayment(e.client, e.order.id, channel);
    await payQuietly(channel, start);
    expect((await e.client.post(`/api/v1/renewal-orders/${e.order.id}/cancel`)).statusCode).toBe(200);
    expect(await notify(channel, start.outTradeNo)).toEqual(SUCCESS[channel]);
    expect(await orderStatus(e.order.id)).toBe("cancelled");
    await expectRefundedAutomatically(e.order.orderNo, start);
  });

  it("cancelled while the payer was paying and no notification comes: closing finds it paid and refunds", async () => {
    const e = await orderToPay(p);
    const start = await startPayment(e.client, e.order.id, channel);
    await payQuietly(channel, start);
    expect((await e.client.post(`/api/v1/renewal-orders/${e.order.id}/cancel`)).statusCode).toBe(200);
    expect(await p.runPaymentJobs()).toContain("payments.close");
    await expectRefundedAutomatically(e.order.orderNo, start);
  });

  it("a notification and a cancel at the same moment: paid or cancelled-and-refunded, never an error", async () => {
    const runs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const e = await orderToPay(p);
        const start = await startPayment(e.client, e.order.id, channel);
        await payQuietly(channel, start);
        const [cancel, answer] = await Promise.all([
          e.client.post(`/api/v1/renewal-orders/${e.order.id}/cancel`),
          notify(channel, start.outTradeNo),
        ]);
        return { e, start, cancel, answer };
      }),
    );
    for (const { e, start, cancel, answer } of runs) {
      expect(answer).toEqual(SUCCESS[channel]);
      const status = await orderStatus(e.order.id);
      if (cancel.statusCode === 200) {
        expect(status).toBe("cancelled");
        expect((await refundsOf(start.paymentId)).map((r) => r.automatic)).toEqual([1]);
      } else {
        expect(cancel.json().error.code).toBe("ORDER_NOT_CANCELLABLE");
        expect(status).toBe("paid");
        expect(await refundsOf(start.paymentId)).toEqual([]);
      }
      expect(await auditCount("payment.paid", start.paymentId)).toBe(1);
    }
  });
});
