import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app";
import { startNotificationReceiver } from "../../../../test/support/wechat-pay";
import { loadConfig } from "../../../config/config";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real app in sandbox mode, listening, so its WeChat Pay adapter reaches the gateway it mounts. */
async function sandboxApp(notifyUrl: string): Promise<{ test: TestApp; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(tmpdir(), "lnca-wechat-sandbox-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const test = await createTestApp({
    config: {
      payments: {
        ...loadConfig({ NODE_ENV: "test", SECRET_KEY: "test-secret-key-test-secret-key-0123456789" }).payments,
        wechat: { kind: "sandbox", keyMode: "public_key", dir, baseUrl: `${origin}/sandbox/wechatpay`, notifyUrl },
      },
    },
  });
  cleanups.push(() => test.close());
  await test.app.listen({ host: "127.0.0.1", port });
  return { test, origin };
}

describe("the WeChat Pay sandbox mounted in the server (PAYMENT_PROVIDER=sandbox)", () => {
  it("pays through the server's own adapter and gateway: QR code, scan page, signed notification", async () => {
    const receiver = await startNotificationReceiver();
    cleanups.push(receiver.close);
    const { test, origin } = await sandboxApp(receiver.notifyUrl);
    const provider = test.ctx.adapters.payments.wechat;
    if (!provider) throw new Error("the sandbox takes WeChat Pay");
    const sandbox = test.ctx.adapters.paymentSandboxes.wechat;
    if (!sandbox) throw new Error("the sandbox is not mounted");

    const start = await provider.create({
      outTradeNo: "PL20260520000777W1",
      amountFen: 65_000,
      subject: "CA 证书更新 PL20260520000777",
      expiresAt: new Date(Date.now() + 7_200_000),
    });
    const codeUrl = start.kind === "qr_code" ? start.codeUrl : "";
    const scan = await fetch(`${origin}/sandbox/wechatpay/scan?code_url=${encodeURIComponent(codeUrl)}`);
    expect(scan.status).toBe(200);
    const html = await scan.text();
    expect(html).toContain("¥650.00");
    const pr = /name="pr" value="([^"]+)"/.exec(html)?.[1] ?? "";
    // A plain form post from the payer's browser: no CSRF token, outside /api/.
    const confirmed = await fetch(`${origin}/sandbox/wechatpay/scan/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ pr }),
    });
    expect(await confirmed.text()).toContain("支付成功");
    await sandbox.settled();

    const [notification] = receiver.received;
    if (!notification) throw new Error("no notification arrived");
    const { report } = await provider.verifyNotification(notification);
    expect(report).toMatchObject({ outTradeNo: "PL20260520000777W1", state: "paid", amountFen: 65_000 });
    expect(await provider.query("PL20260520000777W1")).toMatchObject({ state: "paid" });
  });

  it("answers an unsigned API call with WeChat Pay's SIGN_ERROR, and an unknown code with a 404 page", async () => {
    const { test } = await sandboxApp("http://127.0.0.1:9/notify");
    const unsigned = await test.app.inject({
      method: "POST",
      url: "/sandbox/wechatpay/v3/pay/transactions/native",
      payload: { appid: "wx0000000000000001" },
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toMatchObject({ code: "SIGN_ERROR" });
    expect(unsigned.headers["wechatpay-serial"]).toMatch(/^PUB_KEY_ID_/);
    const page = await test.app.inject({
      url: "/sandbox/wechatpay/scan?code_url=weixin%3A%2F%2Fwxpay%2Fbizpayurl%3Fpr%3Dnope",
    });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain("二维码无效");
  });
});
