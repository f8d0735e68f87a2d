import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError, staffClient } from "../../../test/support/api-client";
import {
  type Channel,
  orderOf,
  orderToPay,
  type PaymentTestApp,
  payOnAlipay,
  payOnWechat,
  startPayment,
  startPaymentTestApp,
} from "../../../test/support/payments";
import { TestClock } from "../../../test/support/test-app";
import { beijingDate } from "../../shared/beijing-time";

let p: PaymentTestApp;
let operator: ApiClient;
const clock = new TestClock(new Date());
beforeAll(async () => {
  p = await startPaymentTestApp(clock);
  operator = await staffClient(p, "operator");
});
afterAll(() => p?.close());

const db = () => p.ctx.database.db;
const paymentRow = (id: string) =>
  db().selectFrom("payments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const refundsOf = (paymentId: string) =>
  db().selectFrom("refunds").selectAll().where("payment_id", "=", paymentId).orderBy("created_at").execute();
const invoiceRequestOf = (orderId: string) =>
  db().selectFrom("invoice_requests").selectAll().where("order_id", "=", orderId).executeTakeFirst();

/** The payer pays on the channel's cashier and the provider notifies. */
async function pay(channel: Channel, start: { outTradeNo: string; payUrl?: string; codeUrl?: string }) {
  if (channel === "alipay") return payOnAlipay(start.payUrl ?? "");
  await payOnWechat(p.wechatOrigin, start.codeUrl ?? "");
  expect(await p.wechat.notify(start.outTradeNo)).toBe(204);
}

/** An order of the administrator's key and two members' keys, paid on the channel. */
async function paidOrder(channel: Channel, invoice?: unknown) {
  const e = await orderToPay(p, ["刘洋", "徐静"]);
  const start = await startPayment(e.client, e.order.id, channel, invoice);
  await pay(channel, start);
  const order = (await e.client.get(`/api/v1/renewal-orders/${e.order.id}`)).json();
  expect(order.status).toBe("paid");
  return {
    ...e,
    start,
    order: order as typeof e.order & { items: { itemId: string; certificateId: string; priceFen: number }[] },
  };
}

const refund = (orderId: string, body: unknown) =>
  operator.post(`/api/v1/console/renewal-orders/${orderId}/refunds`, body);
const orderView = (orderId: string) => operator.get(`/api/v1/console/renewal-orders/${orderId}`).then((r) => r.json());

/** What the provider's sandbox has refunded on the trade. */
function refundedAtProvider(channel: Channel, outTradeNo: string): number {
  const trade = channel === "alipay" ? p.alipay.trade(outTradeNo) : p.wechat.trades.get(outTradeNo);
  return [...(trade?.refunds.values() ?? [])].reduce(
    (sum, r) => sum + ("fen" in r ? r.fen : (r as { refund: number }).refund),
    0,
  );
}

async function consolePayment(orderNo: string, paymentId: string) {
  const page = (await operator.get(`/api/v1/console/payments?orderNo=${orderNo}`)).json();
  return page.items.find((item: { paymentId: string }) => item.paymentId === paymentId);
}

/** The provider tells us about the trade again, as it stands now; true when the answer is its success reply. */
async function providerReplay(channel: Channel, outTradeNo: string): Promise<boolean> {
  if (channel === "alipay") return (await p.alipay.sendNotification(outTradeNo)).accepted;
  return (await p.wechat.notify(outTradeNo)) === 204;
}

const invoice = (enterprise: { name: string; uscc: string }, kind: "e_normal" | "paper_special" = "e_normal") => ({
  kind,
  titleType: "enterprise",
  title: enterprise.name,
  taxpayerNumber: enterprise.uscc,
  email: "finance@example.com",
  ...(kind === "paper_special"
    ? {
        address: "辽宁省沈阳市和平区南京北街 1 号",
        phone: "024-23456789",
        bank: "中国工商银行沈阳和平支行",
        bankAccount: "3301000109200123456",
      }
    : {}),
});

describe.each(["alipay", "wechat"] as const)("console refunds on %s", (channel) => {
  it("refunds a whole order with a reason: the money goes back, the order is refunded, the keys free again", async () => {
    const e = await paidOrder(channel);
    expectError(await refund(e.order.id, {}), 400, "VALIDATION_FAILED");
    expectError(await refund(e.order.id, { reason: " " }), 400, "VALIDATION_FAILED");
    const asked = await refund(e.order.id, { reason: "企业申请退款" });
    expect(asked.statusCode).toBe(200);
    const after = await orderView(e.order.id);
    expect(after.status).toBe("refunded");
    expect(after.items.map((i: { status: string }) => i.status)).toEqual(["refunded", "refunded", "refunded"]);
    expect((await paymentRow(e.start.paymentId)).status).toBe("refunding");
    expect(await refundsOf(e.start.paymentId)).toEqual([
      expect.objectContaining({
        id: asked.json().refundId,
        status: "requested",
        automatic: 0,
        amount_fen: e.order.totalFen,
        reason: "企业申请退款",
      }),
    ]);

    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect((await refundsOf(e.start.paymentId)).map((r) => r.status)).toEqual(["succeeded"]);
    expect((await paymentRow(e.start.paymentId)).status).toBe("refunded");
    expect(refundedAtProvider(channel, e.start.outTradeNo)).toBe(e.order.totalFen);
    expect(await consolePayment(e.order.orderNo, e.start.paymentId)).toMatchObject({
      status: "refunded",
      refundedFen: e.order.totalFen,
      automaticRefund: false,
      orderStatus: "refunded",
    });
    // The provider's later word on the trade (Alipay's TRADE_CLOSED with refund_fee, a replayed WeChat Pay
    // notification now in REFUND) is taken and changes nothing.
    expect(await providerReplay(channel, e.start.outTradeNo)).toBe(true);
    expect((await paymentRow(e.start.paymentId)).status).toBe("refunded");
    // Nothing is left to refund, and the holder has nothing left to update.
    expectError(await refund(e.order.id, { reason: "再退一次" }), 409, "ORDER_NOT_REFUNDABLE");
    expect((await e.client.get("/api/v1/renewals/updates")).json().items).toEqual([]);
    expect((await orderOf(e.client, e.certificateIds)).id).not.toBe(e.order.id);
  });

  it("a refund the provider refuses can be tried again from the console, once, for the same items", async () => {
    const e = await paidOrder(channel);
    // Money already gone back at the provider by other means: it refuses a refund of the whole amount.
    const trade = channel === "alipay" ? p.alipay.trade(e.start.outTradeNo) : p.wechat.trades.get(e.start.outTradeNo);
    const elsewhere =
      channel === "alipay" ? { fen: 1, at: new Date() } : { refundId: "x", refund: 1, createTime: new Date() };
    if (!trade) throw new Error("the sandbox knows the trade");
    (trade.refunds as Map<string, unknown>).set("ELSEWHERE", elsewhere);
    const asked = (await refund(e.order.id, { reason: "企业申请退款" })).json();
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect((await refundsOf(e.start.paymentId)).map((r) => r.status)).toEqual(["failed"]);
    expect((await paymentRow(e.start.paymentId)).status).toBe("paid");
    expect(await consolePayment(e.order.orderNo, e.start.paymentId)).toMatchObject({
      status: "paid",
      failedRefundId: asked.refundId,
      refundedFen: 0,
    });

    trade.refunds.delete("ELSEWHERE");
    const retried = await operator.post(`/api/v1/console/refunds/${asked.refundId}/retry`);
    expect(retried.statusCode).toBe(200);
    expectError(await operator.post(`/api/v1/console/refunds/${asked.refundId}/retry`), 409, "REFUND_NOT_RETRYABLE");
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect((await refundsOf(e.start.paymentId)).map((r) => r.status)).toEqual(["failed", "succeeded"]);
    expect((await paymentRow(e.start.paymentId)).status).toBe("refunded");
    expect(refundedAtProvider(channel, e.start.outTradeNo)).toBe(e.order.totalFen);
    const items = await db()
      .selectFrom("renewal_items")
      .select("refund_id")
      .where("order_id", "=", e.order.id)
      .execute();
    expect(items.map((i) => i.refund_id)).toEqual(items.map(() => retried.json().refundId));
    expect(await consolePayment(e.order.orderNo, e.start.paymentId)).toMatchObject({ failedRefundId: null });
  });

  it("refunds item by item, only items waiting for their update; the order is refunded when none is left", async () => {
    const e = await paidOrder(channel);
    const [first, second, third] = e.order.items;
    if (!first || !second || !third) throw new Error("three items");
    const other = await paidOrder(channel);
    const otherItem = other.order.items[0]?.itemId ?? "";
    expectError(
      await refund(e.order.id, { itemIds: [otherItem], reason: "选错订单" }),
      409,
      "ORDER_ITEM_NOT_REFUNDABLE",
    );
    // An item whose key update has begun is no longer refundable (the update itself is the next issue's).
    await db().updateTable("renewal_items").set({ status: "updating" }).where("id", "=", third.itemId).execute();
    expectError(
      await refund(e.order.id, { itemIds: [third.itemId], reason: "已在更新" }),
      409,
      "ORDER_ITEM_NOT_REFUNDABLE",
    );
    await db().updateTable("renewal_items").set({ status: "awaiting_update" }).where("id", "=", third.itemId).execute();

    expect((await refund(e.order.id, { itemIds: [second.itemId], reason: "持证人离职" })).statusCode).toBe(200);
    expect((await orderView(e.order.id)).status).toBe("paid");
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect((await paymentRow(e.start.paymentId)).status).toBe("paid");
    expect(refundedAtProvider(channel, e.start.outTradeNo)).toBe(second.priceFen);
    expect(await consolePayment(e.order.orderNo, e.start.paymentId)).toMatchObject({
      status: "paid",
      refundedFen: second.priceFen,
      orderStatus: "paid",
    });
    expect(await providerReplay(channel, e.start.outTradeNo)).toBe(true);
    expect((await paymentRow(e.start.paymentId)).status).toBe("paid");
    expectError(
      await refund(e.order.id, { itemIds: [second.itemId], reason: "重复" }),
      409,
      "ORDER_ITEM_NOT_REFUNDABLE",
    );
    // The refunded item's key is free to order again; the others are still in this order.
    expect((await orderOf(e.client, [second.certificateId])).id).not.toBe(e.order.id);
    const again = await e.client.post("/api/v1/renewal-orders", {
      items: [{ certificateId: third.certificateId, platformCodes: ["ln-jsgc"] }],
    });
    expectError(again, 409, "RENEWAL_CERTIFICATE_IN_OPEN_ORDER");

    // The rest (no items named), a moment later: the order is refunded and so is the payment, in full.
    clock.advance(1_000);
    expect((await refund(e.order.id, { reason: "余下全部退款" })).statusCode).toBe(200);
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect((await orderView(e.order.id)).status).toBe("refunded");
    expect((await paymentRow(e.start.paymentId)).status).toBe("refunded");
    expect(refundedAtProvider(channel, e.start.outTradeNo)).toBe(e.order.totalFen);
    expect((await refundsOf(e.start.paymentId)).map((r) => [r.status, r.amount_fen])).toEqual([
      ["succeeded", second.priceFen],
      ["succeeded", first.priceFen + third.priceFen],
    ]);
  });

  it("a refund job that ran to the provider and crashed before recording it refunds once when run again", async () => {
    const e = await paidOrder(channel);
    expect((await refund(e.order.id, { reason: "企业申请退款" })).statusCode).toBe(200);
    const [requested] = await refundsOf(e.start.paymentId);
    if (!requested) throw new Error("a refund");
    const provider = p.ctx.adapters.payments[channel];
    if (!provider) throw new Error(`${channel} is configured`);
    // The first run's provider call, whose answer was lost with the process.
    const input = {
      outTradeNo: e.start.outTradeNo,
      outRefundNo: requested.out_refund_no,
      refundFen: requested.amount_fen,
      totalFen: e.order.totalFen,
      reason: "企业申请退款",
    };
    expect(await provider.refund(input)).toEqual({ state: "succeeded" });
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect(refundedAtProvider(channel, e.start.outTradeNo)).toBe(e.order.totalFen);
    expect((await refundsOf(e.start.paymentId)).map((r) => r.status)).toEqual(["succeeded"]);
    expect((await paymentRow(e.start.paymentId)).status).toBe("refunded");
  });

  it("refunding the rest of an order whose other keys are updated completes it", async () => {
    const e = await paidOrder(channel);
    const [updated, ...rest] = e.order.items;
    if (!updated) throw new Error("an item");
    // The key update itself is the next issue's: its item is moved along its machine here.
    for (const status of ["updating", "completed"] as const) {
      await db().updateTable("renewal_items").set({ status }).where("id", "=", updated.itemId).execute();
    }
    expectError(
      await refund(e.order.id, { itemIds: [updated.itemId], reason: "已更新" }),
      409,
      "ORDER_ITEM_NOT_REFUNDABLE",
    );
    const asked = await refund(e.order.id, { reason: "其余两张不再延期" });
    expect(asked.statusCode).toBe(200);
    expect((await orderView(e.order.id)).status).toBe("completed");
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", e.order.id)
      .where("action", "like", "renewal_order.%")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "renewal_order.completed",
      "renewal_order.created",
      "renewal_order.paid",
    ]);
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect(refundedAtProvider(channel, e.start.outTradeNo)).toBe(rest.reduce((sum, i) => sum + i.priceFen, 0));
    expect((await paymentRow(e.start.paymentId)).status).toBe("paid");
  });

  it("the invoice choice of 【立即支付】 is kept as a snapshot, its kind fixed; a whole refund cancels the request", async () => {
    const e = await orderToPay(p);
    const first = await startPayment(e.client, e.order.id, channel, invoice(e.enterprise));
    const request = await invoiceRequestOf(e.order.id);
    expect(request).toMatchObject({
      kind: "e_normal",
      title_type: "enterprise",
      title: e.enterprise.name,
      taxpayer_number: e.enterprise.uscc,
      email: "finance@example.com",
      status: "requested",
    });
    const wants = await db()
      .selectFrom("renewal_orders")
      .select("wants_invoice")
      .where("id", "=", e.order.id)
      .execute();
    expect(wants).toEqual([{ wants_invoice: 1 }]);
    const changed = await e.client.post(`/api/v1/renewal-orders/${e.order.id}/payments`, {
      channel,
      invoice: invoice(e.enterprise, "paper_special"),
    });
    expectError(changed, 409, "INVOICE_KIND_FIXED");
    // The refused start changed nothing: the same request, the same one payment.
    expect(await invoiceRequestOf(e.order.id)).toEqual(request);
    const payments = await db().selectFrom("payments").select("id").where("order_id", "=", e.order.id).execute();
    expect(payments.map((x) => x.id)).toEqual([first.paymentId]);

    await pay(channel, first);
    expect((await refund(e.order.id, { reason: "不再需要" })).statusCode).toBe(200);
    expect((await invoiceRequestOf(e.order.id))?.status).toBe("cancelled");
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect((await paymentRow(first.paymentId)).status).toBe("refunded");
  });
});

describe("simultaneous console refunds", () => {
  it("of one order: one refund, the other refused", async () => {
    const e = await paidOrder("wechat");
    const answers = await Promise.all([
      refund(e.order.id, { reason: "第一次申请" }),
      refund(e.order.id, { reason: "第二次申请" }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await refundsOf(e.start.paymentId)).toHaveLength(1);
    expect(await p.runPaymentJobs()).toEqual(["payments.refund"]);
    expect(refundedAtProvider("wechat", e.start.outTradeNo)).toBe(e.order.totalFen);
  });
});

describe("the console's day totals per channel", () => {
  it("add up what was paid and what went back that day, per channel", async () => {
    const date = beijingDate(clock.now());
    const totals = async () => {
      const answer = await operator.get(`/api/v1/console/payments/daily-totals?date=${date}`);
      expect(answer.statusCode).toBe(200);
      return Object.fromEntries(
        answer
          .json()
          .channels.map((c: { channel: Channel; paidCount: number; paidFen: number; refundedFen: number }) => [
            c.channel,
            c,
          ]),
      ) as Record<Channel, { paidCount: number; paidFen: number; refundedFen: number }>;
    };
    expectError(await operator.get("/api/v1/console/payments/daily-totals?date=2026-1-1"), 400, "VALIDATION_FAILED");
    const before = await totals();
    const viaAlipay = await paidOrder("alipay");
    const viaWechat = await paidOrder("wechat");
    const refundedItem = viaWechat.order.items[0];
    if (!refundedItem) throw new Error("an item");
    await refund(viaWechat.order.id, { itemIds: [refundedItem.itemId], reason: "部分退款" });
    await p.runPaymentJobs();
    const after = await totals();
    expect(after.alipay).toEqual({
      channel: "alipay",
      paidCount: before.alipay.paidCount + 1,
      paidFen: before.alipay.paidFen + viaAlipay.order.totalFen,
      refundedFen: before.alipay.refundedFen,
    });
    expect(after.wechat).toEqual({
      channel: "wechat",
      paidCount: before.wechat.paidCount + 1,
      paidFen: before.wechat.paidFen + viaWechat.order.totalFen,
      refundedFen: before.wechat.refundedFen + refundedItem.priceFen,
    });
    // The payments list finds them by channel, enterprise, holder and order number.
    const search = async (query: string) =>
      (await operator.get(`/api/v1/console/payments?${query}`))
        .json()
        .items.map((i: { paymentId: string }) => i.paymentId);
    expect(await search(`orderNo=${viaAlipay.order.orderNo}&channel=alipay`)).toEqual([viaAlipay.start.paymentId]);
    expect(await search(`orderNo=${viaAlipay.order.orderNo}&channel=wechat`)).toEqual([]);
    expect(await search(`enterprise=${encodeURIComponent(viaWechat.enterprise.name)}`)).toEqual([
      viaWechat.start.paymentId,
    ]);
    expect(await search(`holder=${encodeURIComponent("徐静")}&orderNo=${viaWechat.order.orderNo}`)).toEqual([
      viaWechat.start.paymentId,
    ]);
    expect(await search(`holder=${encodeURIComponent("无此人")}&orderNo=${viaWechat.order.orderNo}`)).toEqual([]);
    const otherDay = await operator.get("/api/v1/console/payments/daily-totals?date=2001-01-01");
    expect(otherDay.json().channels.every((c: { paidCount: number }) => c.paidCount === 0)).toBe(true);
  });
});
