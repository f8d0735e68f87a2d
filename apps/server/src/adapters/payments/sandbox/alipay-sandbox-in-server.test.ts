import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app";
import type { PaymentReport } from "../payment-provider";
import type { AlipaySandbox } from "./alipay-gateway";

let t: TestApp;
let sandbox: AlipaySandbox;
beforeAll(async () => {
  t = await createTestApp();
  const mounted = t.ctx.adapters.paymentSandboxes.alipay;
  if (!mounted) throw new Error("the sandbox is the default payment provider");
  sandbox = mounted;
});
afterAll(() => t.close());

describe("the Alipay sandbox inside the server (PAYMENT_PROVIDER=sandbox)", () => {
  it("serves the cashier under /sandbox/alipay with the site's security headers and notifies our fixed route", async () => {
    const origin = t.ctx.config.publicOrigin;
    const provider = t.ctx.adapters.payments.alipay;
    if (!provider) throw new Error("the sandbox takes Alipay");
    const start = await provider.create({
      outTradeNo: "PL20261130000009-1",
      amountFen: 65_000,
      subject: "CA 证书更新 PL20261130000009",
      expiresAt: new Date(Date.now() + 3_600_000),
      returnUrl: `${origin}/center/orders/ord_9`,
    });
    if (start.kind !== "redirect") throw new Error("Alipay starts with a redirect");
    expect(start.payUrl.startsWith(`${origin}/sandbox/alipay/gateway.do?`)).toBe(true);

    const cashier = await t.app.inject({ method: "GET", url: start.payUrl.slice(origin.length) });
    expect(cashier.statusCode).toBe(200);
    expect(cashier.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(cashier.headers["content-security-policy"]).toContain("form-action 'self'");
    expect(cashier.body).toContain("¥650.00");

    const delivered: Array<{ url: string; report: PaymentReport }> = [];
    sandbox.deliver = async (url, request) => {
      const { report, reply } = await provider.verifyNotification({
        headers: request.headers,
        rawBody: Buffer.from(request.body),
      });
      delivered.push({ url, report });
      return reply;
    };
    const paid = await t.app.inject({
      method: "POST",
      url: "/sandbox/alipay/cashier/pay",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "out_trade_no=PL20261130000009-1",
    });

    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toMatch(new RegExp(`^${origin}/center/orders/ord_9\\?`));
    expect(delivered).toEqual([
      {
        url: `${origin}/api/v1/payments/alipay/notify`,
        report: expect.objectContaining({ outTradeNo: "PL20261130000009-1", state: "paid", amountFen: 65_000 }),
      },
    ]);
  });
});
