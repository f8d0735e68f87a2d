import { generateKeyPair, parseCertificatePem, TrustStore, x509 } from "@lnca/pki";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiClient, errorCode, expectError } from "../../../test/support/api-client";
import {
  buildPaidOrder,
  buildPaidRenewal,
  buildStaff,
  EIGHT_PLATFORMS,
  type PaidRenewal,
  personalProfile,
  SIX_PLATFORMS,
} from "../../../test/support/factories";
import { signedIn } from "../../../test/support/journeys";
import { SoftKeybridge } from "../../../test/support/soft-keybridge";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import type { CertificateRenewedEvent } from "./keyupdates.service";

let t: TestApp;
const renewed: CertificateRenewedEvent[] = [];
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  t.ctx.keyUpdates.onCertificateRenewed({
    certificateRenewed: async (_trx, event) => void renewed.push(event),
  });
});
afterAll(() => t?.close());

const YEAR_MS = 365 * 86_400_000;
const open = (client: ApiClient, renewalItemId: string) => client.post("/api/v1/key-updates", { renewalItemId });
const step = (client: ApiClient, id: string, name: "written" | "confirm") =>
  client.post(`/api/v1/key-updates/${id}/${name}`);

async function platformIdsOf(codes: string[]): Promise<string[]> {
  const rows = await t.ctx.database.db.selectFrom("platforms").select("id").where("code", "in", codes).execute();
  return rows.map((r) => r.id).sort();
}

async function activePlatformCodes(certificateId: string): Promise<string[]> {
  const rows = await t.ctx.database.db
    .selectFrom("associations as a")
    .innerJoin("platforms as p", "p.id", "a.platform_id")
    .select("p.code")
    .where("a.certificate_id", "=", certificateId)
    .where("a.status", "=", "active")
    .execute();
  return rows.map((r) => r.code).sort();
}

/** 刘洋's paid renewal and his keybridge. */
async function paid(options?: Parameters<typeof buildPaidRenewal>[1]) {
  const renewal = await buildPaidRenewal(t, options);
  return { ...renewal, bridge: new SoftKeybridge(renewal.key) };
}

async function updateToIssued(r: PaidRenewal & { bridge: SoftKeybridge }) {
  const opened = await open(r.holder, r.itemId);
  expect(opened.statusCode).toBe(200);
  const keyUpdate = opened.json();
  const csr = await r.holder.post(`/api/v1/key-updates/${keyUpdate.id}/csr`, await r.bridge.renewalRequest(keyUpdate));
  expect(csr.statusCode).toBe(200);
  return csr.json();
}

describe("key update (J6): the holder's paid item, executed on his key", () => {
  it("opens, issues, writes and confirms: lineage, associations, item and order completed, the listener told", async () => {
    const r = await paid();
    const listed = (await r.holder.get("/api/v1/renewals/updates")).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ itemId: r.itemId, serialNumber: r.key.serialNumber, status: "awaiting_update" });

    const opened = await open(r.holder, r.itemId);
    expect(opened.statusCode).toBe(200);
    const keyUpdate = opened.json();
    expect(keyUpdate).toMatchObject({
      renewalItemId: r.itemId,
      status: "renewal_requested",
      oldCertificate: { serialNumber: r.key.serialNumber, holderName: "刘洋" },
      newCertificate: null,
    });
    expect(keyUpdate.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await r.holder.get("/api/v1/renewals/updates")).json().items[0].status).toBe("updating");

    const csr = await r.holder.post(
      `/api/v1/key-updates/${keyUpdate.id}/csr`,
      await r.bridge.renewalRequest(keyUpdate),
    );
    expect(csr.statusCode).toBe(200);
    const issued = csr.json();
    expect(issued.status).toBe("issued");
    const cert = parseCertificatePem(issued.newCertificate.certificatePem);
    const old = parseCertificatePem(r.key.certificatePem);
    expect(cert.subject).toBe(old.subject);
    expect(cert.serialNumber).not.toBe(old.serialNumber);
    expect(new Date(issued.newCertificate.notAfter).getTime()).toBe(cert.notAfter.getTime());
    // A renewal runs a year on from the old certificate's end (the paid time left is kept).
    expect(cert.notAfter.getTime()).toBe(old.notAfter.getTime() + YEAR_MS);
    // The chain verifies to the trusted root.
    const trust = new TrustStore({ roots: [t.ctx.ca.rootCertificatePem] });
    const chain = { chainPem: issued.newCertificate.chainPem, at: t.ctx.clock.now() };
    expect((await trust.validate({ leafPem: issued.newCertificate.certificatePem, ...chain })).ok).toBe(true);
    // Not the key's certificate yet: until the confirmation there is no row for it.
    const rowsBefore = await t.ctx.database.db
      .selectFrom("certificates")
      .select("id")
      .where("previous_certificate_id", "=", r.key.certificate.id)
      .execute();
    expect(rowsBefore).toEqual([]);

    await r.bridge.importCertificate(keyUpdate.id, issued.newCertificate.certificatePem);
    expect((await step(r.holder, keyUpdate.id, "written")).json().status).toBe("written");
    const confirmed = await step(r.holder, keyUpdate.id, "confirm");
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe("confirmed");

    const db = t.ctx.database.db;
    const next = await db
      .selectFrom("certificates")
      .selectAll()
      .where("previous_certificate_id", "=", r.key.certificate.id)
      .executeTakeFirstOrThrow();
    expect(next).toMatchObject({
      token_id: r.key.certificate.token_id,
      holder_name: "刘洋",
      enterprise_id: r.key.certificate.enterprise_id,
      category_code: "project_lead",
      vendor_id: r.key.certificate.vendor_id,
      status: "active",
      certificate_pem: issued.newCertificate.certificatePem,
    });
    const previous = await db
      .selectFrom("certificates")
      .select("status")
      .where("id", "=", r.key.certificate.id)
      .executeTakeFirstOrThrow();
    expect(previous.status).toBe("superseded");
    expect(await activePlatformCodes(next.id)).toEqual([...SIX_PLATFORMS].sort());
    expect(await activePlatformCodes(r.key.certificate.id)).toEqual([]);
    const item = await db
      .selectFrom("renewal_items")
      .select("status")
      .where("id", "=", r.itemId)
      .executeTakeFirstOrThrow();
    expect(item.status).toBe("completed");
    const order = await db
      .selectFrom("renewal_orders")
      .select("status")
      .where("id", "=", r.orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("completed");
    const event = renewed.find((e) => e.oldCertificateId === r.key.certificate.id);
    expect(event?.newCertificateId).toBe(next.id);
    expect([...(event?.chosenPlatformIds ?? [])].sort()).toEqual(await platformIdsOf(SIX_PLATFORMS));
    expect([...(event?.droppedPlatformIds ?? [])].sort()).toEqual(await platformIdsOf(["jz-ggzy", "cy-ggzy"]));
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", keyUpdate.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "key_update.opened",
      "key_update.renewal_requested",
      "key_update.csr_received",
      "key_update.issued",
      "key_update.written",
      "key_update.confirmed",
    ]);
    // Done: the item leaves 【更新数字证书】; the renewed key logs in as the same account.
    expect((await r.holder.get("/api/v1/renewals/updates")).json().items).toEqual([]);
    r.bridge.retire(keyUpdate.id);
    const again = await signedIn(t, r.bridge.renewedKey(keyUpdate.id));
    const session = (await again.get("/api/v1/auth/session")).json();
    expect(session.user.id).toBe((await r.holder.get("/api/v1/auth/session")).json().user.id);
  });

  it("a certificate with 20 days left is renewed until a year and 20 days from now, as the answer says", async () => {
    const notAfter = new Date(t.ctx.clock.now().getTime() + 20 * 86_400_000);
    const r = await paid({ notAfter });
    const issued = await updateToIssued(r);
    const expected = Math.floor(notAfter.getTime() / 1000) * 1000 + YEAR_MS;
    expect(parseCertificatePem(issued.newCertificate.certificatePem).notAfter.getTime()).toBe(expected);
    expect(Date.parse(issued.newCertificate.notAfter)).toBe(expected);
    expect(Date.parse(issued.oldCertificate.notAfter)).toBe(expected - YEAR_MS);
  });

  it("only the holder opens it: the administrator who paid, another user and an unknown item are refused", async () => {
    const r = await paid();
    const other = await paid();
    const payer = await signedIn(t, r.admin);
    expectError(await open(payer, r.itemId), 403, "FORBIDDEN");
    expectError(await open(other.holder, r.itemId), 403, "FORBIDDEN");
    expectError(await open(r.holder, "0192b6f0-0000-7000-8000-000000000000"), 404, "RENEWAL_ITEM_NOT_FOUND");
    const keyUpdate = (await open(r.holder, r.itemId)).json();
    expectError(await other.holder.get(`/api/v1/key-updates/${keyUpdate.id}`), 403, "FORBIDDEN");
    expectError(await step(other.holder, keyUpdate.id, "confirm"), 403, "FORBIDDEN");
    expectError(
      await r.holder.get("/api/v1/key-updates/0192b6f0-0000-7000-8000-000000000000"),
      404,
      "KEY_UPDATE_NOT_FOUND",
    );
  });

  it("refuses an unpaid or refunded item", async () => {
    const r = await paid();
    const operator = await buildStaff(t.ctx, "operator");
    await t.ctx.refunds.refundOrder({ kind: "staff", staffId: operator.id, role: "operator" }, r.orderId, {
      reason: "测试退款",
    });
    expectError(await open(r.holder, r.itemId), 409, "KEY_UPDATE_NOT_AWAITING");
  });

  it("checks the request: a CSR not signed by its key, another subject, the old key, a proof by another key", async () => {
    const r = await paid();
    const keyUpdate = (await open(r.holder, r.itemId)).json();
    const url = `/api/v1/key-updates/${keyUpdate.id}/csr`;
    const good = await r.bridge.renewalRequest(keyUpdate);

    const der = Buffer.from(good.csrPem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    der.writeUInt8(der.readUInt8(der.length - 5) ^ 0x01, der.length - 5);
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
    expectError(await r.holder.post(url, { ...good, csrPem: tampered }), 400, "KEY_UPDATE_CSR_INVALID");
    expectError(await r.holder.post(url, { ...good, csrPem: "not a csr" }), 400, "KEY_UPDATE_CSR_INVALID");

    const stranger = await t.ctx.ca.issue({
      profile: personalProfile({ categoryCode: "project_lead", holderName: "徐静" }),
      publicKey: (await generateKeyPair("EC-P256")).publicKey,
      notBefore: t.ctx.clock.now(),
      notAfter: new Date(t.ctx.clock.now().getTime() + 86_400_000),
    });
    const otherSubject = await r.bridge.renewalRequest(keyUpdate, { subjectFrom: stranger.certificatePem });
    expectError(await r.holder.post(url, otherSubject), 400, "KEY_UPDATE_CSR_SUBJECT_MISMATCH");

    const sameKey = await x509.Pkcs10CertificateRequestGenerator.create({
      name: parseCertificatePem(r.key.certificatePem).subjectName,
      keys: r.key.keys,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
    });
    expectError(await r.holder.post(url, { ...good, csrPem: sameKey.toString("pem") }), 400, "KEY_UPDATE_CSR_SAME_KEY");

    const forged = await r.bridge.renewalRequest(keyUpdate, { proveWith: await generateKeyPair("EC-P256") });
    expectError(await r.holder.post(url, forged), 400, "KEY_UPDATE_PROOF_INVALID");
    const otherCsrSameProof = await r.bridge.renewalRequest(keyUpdate, { subjectFrom: stranger.certificatePem });
    expectError(await r.holder.post(url, { ...good, proof: otherCsrSameProof.proof }), 400, "KEY_UPDATE_PROOF_INVALID");

    // Steps out of order are refused; nothing was issued by any refusal, and the good request still works.
    expectError(await step(r.holder, keyUpdate.id, "written"), 409, "KEY_UPDATE_WRONG_STEP");
    expectError(await step(r.holder, keyUpdate.id, "confirm"), 409, "KEY_UPDATE_WRONG_STEP");
    expect((await r.holder.get(`/api/v1/key-updates/${keyUpdate.id}`)).json().status).toBe("renewal_requested");
    expect((await r.holder.post(url, good)).json().status).toBe("issued");
  });

  it("renews an RSA-2048 key with an RSA proof; refuses a new key of a type the platform does not take", async () => {
    const r = await paid({ algorithm: "RSA-2048" });
    const keyUpdate = (await open(r.holder, r.itemId)).json();
    const url = `/api/v1/key-updates/${keyUpdate.id}/csr`;
    const good = await r.bridge.renewalRequest(keyUpdate);
    expect(good.proof.signatureAlgorithm).toBe("rsa-pkcs1-sha256");

    const p384 = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-384" }, true, ["sign", "verify"]);
    const unsupported = await x509.Pkcs10CertificateRequestGenerator.create({
      name: parseCertificatePem(r.key.certificatePem).subjectName,
      keys: p384,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-384" },
    });
    expectError(
      await r.holder.post(url, { ...good, csrPem: unsupported.toString("pem") }),
      400,
      "KEY_UPDATE_CSR_KEY_UNSUPPORTED",
    );
    const issued = (await r.holder.post(url, good)).json();
    expect(issued.status).toBe("issued");
    expect(parseCertificatePem(issued.newCertificate.certificatePem).publicKey.algorithm.name).toBe(
      "RSASSA-PKCS1-v1_5",
    );
  });

  it("a reopening before issuance hands out a fresh nonce: a proof over the earlier one is spent", async () => {
    const r = await paid();
    const first = (await open(r.holder, r.itemId)).json();
    const stale = await r.bridge.renewalRequest(first);
    const second = (await open(r.holder, r.itemId)).json();
    expect(second.id).toBe(first.id);
    expect(second.nonce).not.toBe(first.nonce);
    expectError(await r.holder.post(`/api/v1/key-updates/${first.id}/csr`, stale), 400, "KEY_UPDATE_PROOF_INVALID");
    const fresh = await r.bridge.renewalRequest(second);
    expect((await r.holder.post(`/api/v1/key-updates/${first.id}/csr`, fresh)).json().status).toBe("issued");
    expect(r.bridge.generated).toBe(1);
    // Issued: the nonce no longer changes and opening again re-delivers the same certificate.
    const third = (await open(r.holder, r.itemId)).json();
    expect(third.nonce).toBe(second.nonce);
    expect(third.status).toBe("issued");
  });

  it("ten simultaneous CSRs: the CA issues once, every answer carries that one certificate", async () => {
    const r = await paid();
    const keyUpdate = (await open(r.holder, r.itemId)).json();
    const request = await r.bridge.renewalRequest(keyUpdate);
    const download = vi.spyOn(t.ctx.ca, "download");
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => r.holder.post(`/api/v1/key-updates/${keyUpdate.id}/csr`, request)),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
      const pems = new Set(answers.map((a) => a.json().newCertificate.certificatePem));
      expect(pems.size).toBe(1);
      expect(download).toHaveBeenCalledTimes(1);
    } finally {
      download.mockRestore();
    }
  });

  it("simultaneous confirmations: one renewed certificate, one supersession", async () => {
    const r = await paid();
    const issued = await updateToIssued(r);
    await step(r.holder, issued.id, "written");
    const answers = await Promise.all(Array.from({ length: 6 }, () => step(r.holder, issued.id, "confirm")));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
    const rows = await t.ctx.database.db
      .selectFrom("certificates")
      .select("id")
      .where("previous_certificate_id", "=", r.key.certificate.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(renewed.filter((e) => e.oldCertificateId === r.key.certificate.id)).toHaveLength(1);
  });

  it("several items of one order confirmed at once: each completes, the order with the last, none deadlocks", async () => {
    const paidOrder = await buildPaidOrder(t, 4);
    const written = await Promise.all(
      paidOrder.items.map(async (item) => {
        const bridge = new SoftKeybridge(item.key);
        const issued = await updateToIssued({ ...item, bridge } as PaidRenewal & { bridge: SoftKeybridge });
        await step(item.holder, issued.id, "written");
        return { holder: item.holder, id: issued.id as string };
      }),
    );
    const answers = await Promise.all(written.map(({ holder, id }) => step(holder, id, "confirm")));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const order = await t.ctx.database.db
      .selectFrom("renewal_orders")
      .select("status")
      .where("id", "=", paidOrder.orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe("completed");
  });

  it("the CA failing: the update fails, the item waits again (still paid), a reopening renews", async () => {
    const r = await paid({ platformCodes: ["ln-jsgc"], chosenPlatformCodes: EIGHT_PLATFORMS });
    const keyUpdate = (await open(r.holder, r.itemId)).json();
    const request = await r.bridge.renewalRequest(keyUpdate);
    const download = vi.spyOn(t.ctx.ca, "download").mockRejectedValueOnce(new Error("CA down"));
    try {
      const refused = await r.holder.post(`/api/v1/key-updates/${keyUpdate.id}/csr`, request);
      expect(errorCode(refused)).toBe("CA_UNAVAILABLE");
    } finally {
      download.mockRestore();
    }
    expect((await r.holder.get(`/api/v1/key-updates/${keyUpdate.id}`)).json().status).toBe("failed");
    expect((await r.holder.get("/api/v1/renewals/updates")).json().items[0].status).toBe("awaiting_update");
    const reopened = (await open(r.holder, r.itemId)).json();
    expect(reopened).toMatchObject({ id: keyUpdate.id, status: "renewal_requested" });
    const issued = await r.holder.post(
      `/api/v1/key-updates/${keyUpdate.id}/csr`,
      await r.bridge.renewalRequest(reopened),
    );
    expect(issued.json().status).toBe("issued");
    expect(r.bridge.generated).toBe(1);
    await step(r.holder, keyUpdate.id, "written");
    await step(r.holder, keyUpdate.id, "confirm");
    const event = renewed.find((e) => e.oldCertificateId === r.key.certificate.id);
    expect(event?.droppedPlatformIds).toEqual([]);
    expect(await activePlatformCodes(event?.newCertificateId ?? "")).toEqual([...EIGHT_PLATFORMS].sort());
  });
});
