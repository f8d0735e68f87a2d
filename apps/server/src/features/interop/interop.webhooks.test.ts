import { certificateDisassociatedEventSchema, certificateRenewedEventSchema } from "@lnca/contracts";
import pino from "pino";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DemoPlatform, startDemoPlatform } from "../../../../demo-platform/src/demo-platform";
import { type ApiClient, expectError, staffClient } from "../../../test/support/api-client";
import {
  buildCertificate,
  buildPlatformCredentials,
  buildRenewal,
  newEnterprise,
  personalProfile,
} from "../../../test/support/factories";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import { jobsOf } from "../../app/context";
import { backoffMs, OutboxWorker } from "../outbox/outbox.worker";
import { systemActor } from "../policy/actor";

let t: TestApp;
let demo: DemoPlatform;
let worker: OutboxWorker;
let operator: ApiClient;
const platforms: Record<string, Awaited<ReturnType<typeof buildPlatformCredentials>>> = {};

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  // The demo platform listens first; its URL is then each platform's webhook URL.
  const accounts: { code: string; name: string; webhookSecret: string; apiKey?: string }[] = [];
  demo = await startDemoPlatform({ accounts, interopApiUrl: "http://127.0.0.1:1/unused" });
  for (const code of ["ln-jsgc", "ln-zfcg", "ln-ggzy"]) {
    platforms[code] = await buildPlatformCredentials(t.ctx, code, { webhookUrl: `${demo.url}/webhooks/${code}` });
    accounts.push({ code, name: platforms[code].name, webhookSecret: platforms[code].webhookSecret });
  }
  worker = new OutboxWorker(t.ctx.database, jobsOf(t.ctx.modules), pino({ level: "silent" }));
  operator = await staffClient(t, "operator");
});
afterAll(async () => {
  await demo?.close();
  await t?.close();
});
afterEach(() => demo.failNext(0, 503));

const deliveries = () => t.ctx.database.db.selectFrom("webhook_deliveries").selectAll().execute();
const webhookJob = (deliveryId: string) =>
  t.ctx.database.db
    .selectFrom("outbox_jobs")
    .selectAll()
    .where("kind", "=", "interop.webhook")
    .where("payload", "like", `%${deliveryId}%`)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
/** Makes every waiting job due now (instead of waiting out its backoff). */
const dueNow = () =>
  t.ctx.database.db
    .updateTable("outbox_jobs")
    .set({ run_at: new Date(0).toISOString() })
    .where("kind", "=", "interop.webhook")
    .where("run_at", ">", new Date(0).toISOString())
    .execute();

async function renewal(chosen: string[], dropped: string[]) {
  const enterprise = newEnterprise();
  const old = await buildCertificate(
    t.ctx,
    personalProfile({ categoryCode: "project_lead", holderName: "刘洋", enterprise }),
    { platformCodes: [...chosen, ...dropped] },
  );
  const renewed = await buildRenewal(t.ctx, old, { chosen, dropped });
  const mine = (await deliveries()).filter((d) =>
    [old.certificate.id, renewed.certificate.id].includes(d.certificate_id),
  );
  return { enterprise, old, renewed, deliveries: mine };
}

describe(`webhooks (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("a renewal tells each chosen platform certificate.renewed and each dropped one certificate.disassociated, signed", async () => {
    const { enterprise, old, renewed, deliveries: queued } = await renewal(["ln-jsgc"], ["ln-zfcg"]);
    expect(queued.map((d) => d.status)).toEqual(["pending", "pending"]);
    await worker.runOnce();

    const got = demo.received.filter((r) => queued.some((d) => d.id === r.webhookId));
    expect(got.map((r) => [r.platformCode, r.type]).sort()).toEqual([
      ["ln-jsgc", "certificate.renewed"],
      ["ln-zfcg", "certificate.disassociated"],
    ]);
    const renewedEvent = certificateRenewedEventSchema.parse(got.find((r) => r.platformCode === "ln-jsgc")?.payload);
    expect(renewedEvent.data).toEqual({
      platformCode: "ln-jsgc",
      certificate: {
        serialNumber: renewed.certificate.serial_number,
        fingerprintSha256: renewed.certificate.fingerprint_sha256,
        pem: renewed.certificatePem,
        holderName: "刘洋",
        enterpriseName: enterprise.name,
        uscc: enterprise.uscc,
        categoryCode: "project_lead",
        notBefore: renewed.certificate.not_before,
        notAfter: renewed.certificate.not_after,
      },
      previousCertificate: {
        serialNumber: old.certificate.serial_number,
        fingerprintSha256: old.certificate.fingerprint_sha256,
      },
    });
    const dropped = certificateDisassociatedEventSchema.parse(got.find((r) => r.platformCode === "ln-zfcg")?.payload);
    expect(dropped.data.certificate.serialNumber).toBe(old.certificate.serial_number);
    expect(JSON.stringify(dropped)).not.toContain(renewed.certificate.serial_number);
    const after = (await deliveries()).filter((d) => queued.some((q) => q.id === d.id));
    expect(after.map((d) => [d.status, d.attempts])).toEqual([
      ["delivered", 1],
      ["delivered", 1],
    ]);
  });

  it("the signature verifies with the platform's secret and the standardwebhooks verifier, and with no other", async () => {
    const { deliveries: queued } = await renewal(["ln-ggzy"], []);
    const delivery = queued[0]!;
    const at = new Date();
    const signature = new Webhook(platforms["ln-ggzy"]!.webhookSecret).sign(delivery.id, at, delivery.payload);
    const headers = {
      "webhook-id": delivery.id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    };
    expect(new Webhook(platforms["ln-ggzy"]!.webhookSecret).verify(delivery.payload, headers)).toEqual(
      JSON.parse(delivery.payload),
    );
    expect(() => new Webhook(platforms["ln-jsgc"]!.webhookSecret).verify(delivery.payload, headers)).toThrow();
    // What the demo platform received passed the same verifier (a failure would be in `rejected`).
    const before = demo.rejected.length;
    await worker.runOnce();
    expect(demo.received.some((r) => r.webhookId === delivery.id)).toBe(true);
    expect(demo.rejected.length).toBe(before);
  });

  it("a platform that checks with a wrong secret refuses it; the attempt fails and is retried", async () => {
    const wrong = await startDemoPlatform({
      accounts: [
        {
          code: "dl-ggzy",
          name: "大连市公共资源平台",
          webhookSecret: `whsec_${Buffer.alloc(32, 7).toString("base64")}`,
        },
      ],
    });
    try {
      await buildPlatformCredentials(t.ctx, "dl-ggzy", { webhookUrl: `${wrong.url}/webhooks/dl-ggzy` });
      const { deliveries: queued } = await renewal(["dl-ggzy"], []);
      await worker.runOnce();
      expect(wrong.rejected[0]?.reason).toMatch(/验签失败/);
      const [delivery] = (await deliveries()).filter((d) => d.id === queued[0]!.id);
      expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
    } finally {
      await wrong.close();
    }
  });

  it("retries with backoff on 500 until a 2xx, logging every attempt", async () => {
    const { deliveries: queued } = await renewal(["ln-jsgc"], []);
    const id = queued[0]!.id;
    demo.failNext(2, 500);
    const before = Date.now();
    await worker.runOnce();
    const first = await webhookJob(id);
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(new Date(first.run_at).getTime()).toBeGreaterThanOrEqual(before + backoffMs(1) - 50);
    expect(await worker.runOnce()).toBe(0);

    await dueNow();
    const beforeSecond = Date.now();
    await worker.runOnce();
    const second = await webhookJob(id);
    expect(second).toMatchObject({ status: "pending", attempts: 2 });
    expect(new Date(second.run_at).getTime()).toBeGreaterThanOrEqual(beforeSecond + backoffMs(2) - 50);

    await dueNow();
    await worker.runOnce();
    expect((await webhookJob(id)).status).toBe("done");
    const page = (await operator.get("/api/v1/console/interop/deliveries?page=1&pageSize=50")).json();
    const logged = page.items.find((d: { id: string }) => d.id === id);
    expect(logged).toMatchObject({ status: "delivered", platformCode: "ln-jsgc", eventType: "certificate.renewed" });
    expect(
      logged.attempts.map((a: { attempt: number; statusCode: number | null }) => [a.attempt, a.statusCode]),
    ).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    expect(logged.attempts[0].error).toBe("平台应答 HTTP 500");
    expect(logged.attempts[2].error).toBeNull();
    expect(JSON.parse(logged.payload).type).toBe("certificate.renewed");
  });

  it("【重新投递】 sends a delivered webhook again with the same webhook-id; one still retrying is refused", async () => {
    const { deliveries: queued } = await renewal(["ln-zfcg"], []);
    const id = queued[0]!.id;
    demo.failNext(1, 503);
    await worker.runOnce();
    expectError(
      await operator.post(`/api/v1/console/interop/deliveries/${id}/redeliver`),
      409,
      "WEBHOOK_DELIVERY_IN_PROGRESS",
    );
    await dueNow();
    await worker.runOnce();
    const seen = demo.received.filter((r) => r.webhookId === id).length;
    expect(seen).toBe(1);

    const response = await operator.post(`/api/v1/console/interop/deliveries/${id}/redeliver`);
    expect(response.statusCode).toBe(204);
    expect((await deliveries()).find((d) => d.id === id)?.status).toBe("pending");
    await worker.runOnce();
    const [delivery] = (await deliveries()).filter((d) => d.id === id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3 });
    // The platform recognised the message by its webhook-id and kept it once.
    expect(demo.received.filter((r) => r.webhookId === id)).toHaveLength(seen);
    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "interop.webhook_redelivered")
      .where("entity_id", "=", id)
      .execute();
    expect(audit).toHaveLength(1);
    expectError(
      await operator.post("/api/v1/console/interop/deliveries/msg_unknown/redeliver"),
      404,
      "WEBHOOK_DELIVERY_NOT_FOUND",
    );
  });

  it("gives up after the last attempt (abandoned), and a platform without a URL fails with a reason", async () => {
    const { deliveries: queued } = await renewal(["jz-ggzy"], []);
    const id = queued[0]!.id;
    const deliver = jobsOf(t.ctx.modules)["interop.webhook"];
    await expect(deliver({ deliveryId: id, lastAttempt: 2 })).rejects.toThrow("该平台尚未配置推送地址");
    await deliver({ deliveryId: id, lastAttempt: 2 });
    const [delivery] = (await deliveries()).filter((d) => d.id === id);
    expect(delivery).toMatchObject({ status: "abandoned", attempts: 2 });
    // Configured since: 【重新投递】 brings it.
    await buildPlatformCredentials(t.ctx, "jz-ggzy", { webhookUrl: `${demo.url}/webhooks/jz-ggzy` });
    expect((await operator.post(`/api/v1/console/interop/deliveries/${id}/redeliver`)).statusCode).toBe(204);
  });

  it("a second call for the same renewal queues nothing more", async () => {
    const { old, renewed, deliveries: queued } = await renewal(["ln-jsgc"], ["ln-zfcg"]);
    const ids = await t.ctx.catalog.activePlatformIdsByCode();
    await t.ctx.database.transaction((trx) =>
      t.ctx.interopEvents.certificateRenewed(trx, {
        oldCertificateId: old.certificate.id,
        newCertificateId: renewed.certificate.id,
        chosenPlatformIds: [ids.get("ln-jsgc")!],
        droppedPlatformIds: [ids.get("ln-zfcg")!],
      }),
    );
    const again = (await deliveries()).filter((d) =>
      [old.certificate.id, renewed.certificate.id].includes(d.certificate_id),
    );
    expect(again.map((d) => d.id).sort()).toEqual(queued.map((d) => d.id).sort());
  });

  it("after a secret rotation the platform still holding the previous secret accepts webhooks during the overlap", async () => {
    const platform = platforms["ln-ggzy"]!;
    const rotated = await t.ctx.platformCredentials.issueWebhookSecret(systemActor, platform.platformId);
    expect(rotated.previousSecretValidUntil).not.toBeNull();
    const { deliveries: queued } = await renewal(["ln-ggzy"], []);
    const rejectedBefore = demo.rejected.length;
    await worker.runOnce();
    expect(demo.received.some((r) => r.webhookId === queued[0]!.id)).toBe(true);
    expect(demo.rejected.length).toBe(rejectedBefore);
  });
});

describe("console: platform credentials", () => {
  it("issues a key shown once and lists only its hint; sets the webhook URL; refuses a non-http URL", async () => {
    const list = (await operator.get("/api/v1/console/interop/platforms")).json();
    const target = list.find((p: { code: string }) => p.code === "as-ggzy");
    expect(target).toMatchObject({ keyHint: null, webhookUrl: null, webhookSecretIssuedAt: null });
    const issued = await operator.post(`/api/v1/console/interop/platforms/${target.id}/key`);
    expect(issued.statusCode).toBe(200);
    const { apiKey, previousKeyValidUntil } = issued.json();
    expect(apiKey).toMatch(/^lnpk_[\w-]{43}$/);
    expect(previousKeyValidUntil).toBeNull();
    const secret = (await operator.post(`/api/v1/console/interop/platforms/${target.id}/webhook-secret`)).json();
    expect(secret.secret).toMatch(/^whsec_/);
    const url = "https://platform.example.cn/hooks/lnca";
    const put = await operator.request("PUT", `/api/v1/console/interop/platforms/${target.id}/webhook`, { url });
    expect(put.statusCode).toBe(204);
    expectError(
      await operator.request("PUT", `/api/v1/console/interop/platforms/${target.id}/webhook`, {
        url: "file:///etc/passwd",
      }),
      400,
      "VALIDATION_FAILED",
    );
    const after = (await operator.get("/api/v1/console/interop/platforms"))
      .json()
      .find((p: { code: string }) => p.code === "as-ggzy");
    expect(after.keyHint).toBe(apiKey.slice(0, 11));
    expect(after.webhookUrl).toBe(url);
    expect(after.webhookSecretIssuedAt).not.toBeNull();
    expect(JSON.stringify(after)).not.toContain(apiKey);
    expectError(await operator.post("/api/v1/console/interop/platforms/nope/key"), 404, "PLATFORM_NOT_FOUND");
  });
});
