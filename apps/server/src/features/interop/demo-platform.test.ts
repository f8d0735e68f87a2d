import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoPlatform, startDemoPlatform } from "../../../../demo-platform/src/demo-platform";
import { buildCertificate, buildRenewal, newEnterprise, personalProfile } from "../../../test/support/factories";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import { jobsOf } from "../../app/context";
import { demoInteropBanner, demoPlatformsPath, seedDemoInterop } from "../../seed/seed-interop";
import { OutboxWorker } from "../outbox/outbox.worker";
import { systemActor } from "../policy/actor";

let t: TestApp;
let dataDir: string;
let demo: DemoPlatform;
let api: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "lnca-demo-platform-"));
  t = await createTestApp({ withCatalog: true, config: { dataDir } });
  await seedDemoInterop(t.ctx);
  // The demo platform asks the interop API over real HTTP, as it does in the demo.
  api = `${await t.app.listen({ host: "127.0.0.1", port: 0 })}/api/v1`;
  const accounts = JSON.parse(readFileSync(demoPlatformsPath(dataDir), "utf8"));
  demo = await startDemoPlatform({ accounts, interopApiUrl: api });
  // The seed points the webhooks at the demo's fixed port; this test's demo listens elsewhere.
  for (const platform of await t.ctx.platformCredentials.list()) {
    if (platform.webhookUrl) {
      const url = platform.webhookUrl.replace(/^http:\/\/127\.0\.0\.1:\d+/, demo.url);
      await t.ctx.platformCredentials.setWebhookUrl(systemActor, platform.id, url);
    }
  }
});
afterAll(async () => {
  await demo?.close();
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the demo seed and the demo receiving platform", () => {
  it("seeds three platforms with a key, a secret and a webhook URL, and prints their keys in the banner", async () => {
    const seeded = (await t.ctx.platformCredentials.list()).filter((p) => p.keyHint);
    expect(seeded.map((p) => p.code)).toEqual(["ln-jsgc", "ln-zfcg", "hc-dzcg"]);
    expect(seeded.every((p) => p.webhookUrl?.startsWith(demo.url) && p.webhookSecretIssuedAt)).toBe(true);
    const banner = demoInteropBanner(t.ctx.config).join("\n");
    const accounts = JSON.parse(readFileSync(demoPlatformsPath(dataDir), "utf8")) as { apiKey: string }[];
    for (const account of accounts) expect(banner).toContain(account.apiKey);
  });

  it("receives and verifies the renewal's webhooks, checks the renewed certificate back, and shows them (zh-CN)", async () => {
    const enterprise = newEnterprise();
    const old = await buildCertificate(
      t.ctx,
      personalProfile({ categoryCode: "project_lead", holderName: "刘洋", enterprise }),
      { platformCodes: ["ln-jsgc", "ln-zfcg"] },
    );
    const renewed = await buildRenewal(t.ctx, old, { chosen: ["ln-jsgc"], dropped: ["ln-zfcg"] });
    await new OutboxWorker(t.ctx.database, jobsOf(t.ctx.modules), pino({ level: "silent" })).runOnce();

    expect(demo.rejected).toEqual([]);
    expect(demo.received.map((r) => [r.platformCode, r.type])).toEqual(
      expect.arrayContaining([
        ["ln-jsgc", "certificate.renewed"],
        ["ln-zfcg", "certificate.disassociated"],
      ]),
    );
    const renewedRecord = demo.received.find((r) => r.type === "certificate.renewed");
    await expect
      .poll(() => renewedRecord?.verification, { timeout: 5_000 })
      .toMatchObject({
        valid: true,
        associated: true,
        holderName: "刘洋",
        notAfter: renewed.certificate.not_after,
      });

    const page = await (await fetch(`${demo.url}/`)).text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain("<caption>收到的推送（共 2 条，最新在前）</caption>");
    expect(page).toContain('<th scope="col">事件</th>');
    expect(page).toContain("证书已更新（certificate.renewed）");
    expect(page).toContain("证书已取消关联（certificate.disassociated）");
    expect(page).toContain(renewed.certificate.serial_number);
    expect(page).toContain("有效，已关联本平台");
  });

  it("refuses an unsigned request and lists it as refused, not as received", async () => {
    const before = demo.received.length;
    const response = await fetch(`${demo.url}/webhooks/ln-jsgc`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "certificate.renewed", data: {} }),
    });
    expect(response.status).toBe(400);
    expect(demo.received).toHaveLength(before);
    expect(demo.rejected.at(-1)?.reason).toMatch(/^验签失败/);
    expect(await (await fetch(`${demo.url}/`)).text()).toContain("验签失败");
  });
});
