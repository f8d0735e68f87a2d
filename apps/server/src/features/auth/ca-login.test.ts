import { randomUUID } from "node:crypto";
import { describeCertificate, generateKeyPair, TrustStore } from "@lnca/pki";
import { issueTestCertificate, makeSelfSignedCertificate, makeTestCa } from "@lnca/pki/testing";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, errorCode } from "../../../test/support/api-client";
import {
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
  type TestKey,
} from "../../../test/support/factories";
import { DAY_MS, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser, caLogin, getChallenge } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import { insertTrustedCertificate } from "../../adapters/ca/builtin-ca.queries";
import { transition } from "../../kernel/transition";
import { certificateMachine } from "../certificates/certificates.states";
import { systemActor } from "../policy/actor";

const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock, withCatalog: true });
});
afterAll(() => t?.close());

const personalKey = (options: Parameters<typeof issueKey>[2] = {}) =>
  issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", enterprise: newEnterprise() }), options);

/** A coded rejection: the status and code, and no session cookie. */
function expectRejected(response: LightMyRequestResponse, status: number, code: string) {
  expect({ status: response.statusCode, code: errorCode(response) }).toEqual({ status, code });
  expect(response.cookies.map((c) => c.name)).not.toContain("lnca_session");
}

async function certificateRowOf(key: TestKey) {
  return t.ctx.database.db
    .selectFrom("certificates")
    .selectAll()
    .where("serial_number", "=", key.serialNumber)
    .executeTakeFirstOrThrow();
}

describe("CA login: keys that log in", () => {
  it.each(["EC-P256", "RSA-2048"] as const)(
    "a %s key from a trusted CA logs in (binding, then directly)",
    async (alg) => {
      const key = await personalKey({ algorithm: alg });
      const client = new ApiClient(t.app);
      const first = await caLogin(client, key);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        status: "binding_required",
        certificate: { holderKind: "personal", holderName: key.profile.holderName, category: "project_lead" },
      });
      await boundUser(t, key, { mobile: nextMobile() });
      const second = await caLogin(new ApiClient(t.app), key);
      expect(second.statusCode).toBe(200);
      expect(second.json().status).toBe("logged_in");
      expect(second.cookies.map((c) => c.name)).toContain("lnca_session");
    },
  );
});

describe("CA login: certificate rejections", () => {
  it("refuses a self-signed certificate: CERTIFICATE_UNTRUSTED", async () => {
    const profile = personalProfile({ categoryCode: "project_lead" });
    const self = await makeSelfSignedCertificate({ profile });
    const key: TestKey = { ...self, algorithm: "EC-P256", chainPem: [], profile };
    expectRejected(await caLogin(new ApiClient(t.app), key), 401, "CERTIFICATE_UNTRUSTED");
    // Presenting the platform's own issuing CA as its "chain" does not help.
    expectRejected(
      await caLogin(new ApiClient(t.app), { ...key, chainPem: t.ctx.ca.chainPem }),
      401,
      "CERTIFICATE_UNTRUSTED",
    );
  });

  it("refuses a certificate from a CA the platform does not trust: CERTIFICATE_UNTRUSTED", async () => {
    const otherCa = await makeTestCa({ name: "未受信任的测试 CA" });
    const profile = personalProfile({ categoryCode: "project_lead" });
    const cert = await issueTestCertificate({ ca: otherCa, profile });
    const key: TestKey = { ...cert, algorithm: "EC-P256", chainPem: otherCa.chainPem, profile };
    expectRejected(await caLogin(new ApiClient(t.app), key), 401, "CERTIFICATE_UNTRUSTED");
    // Even with the foreign root in the presented chain: only held roots anchor a path.
    const withRoot = { ...key, chainPem: [...otherCa.chainPem, otherCa.rootCertificatePem] };
    expectRejected(await caLogin(new ApiClient(t.app), withRoot), 401, "CERTIFICATE_UNTRUSTED");
  });

  it("refuses an expired certificate: CERTIFICATE_EXPIRED", async () => {
    const now = clock.now().getTime();
    const key = await personalKey({ notBefore: new Date(now - 400 * DAY_MS), notAfter: new Date(now - DAY_MS) });
    expectRejected(await caLogin(new ApiClient(t.app), key), 401, "CERTIFICATE_EXPIRED");
  });

  it("refuses a certificate not valid yet: CERTIFICATE_NOT_YET_VALID", async () => {
    const key = await personalKey({ notBefore: new Date(clock.now().getTime() + DAY_MS) });
    expectRejected(await caLogin(new ApiClient(t.app), key), 401, "CERTIFICATE_NOT_YET_VALID");
  });

  it("refuses a revoked certificate (CRL and platform record): CERTIFICATE_REVOKED", async () => {
    const key = await personalKey();
    expect((await caLogin(new ApiClient(t.app), key)).json().status).toBe("binding_required");
    const row = await certificateRowOf(key);
    await t.ctx.certificateAdmin.revoke(systemActor, row.id, "keyCompromise");
    expectRejected(await caLogin(new ApiClient(t.app), key), 401, "CERTIFICATE_REVOKED");

    // The published CRL lists it: any verifier holding the CRL refuses it too.
    const crl = await new ApiClient(t.app).get("/api/v1/ca/crl");
    expect(crl.statusCode).toBe(200);
    const store = new TrustStore({
      roots: [t.ctx.ca.rootCertificatePem],
      intermediates: t.ctx.ca.chainPem,
      crls: [crl.rawPayload],
      requireCrlFor: "known-issuers",
    });
    const checked = await store.validate({ leafPem: key.certificatePem, chainPem: key.chainPem, at: clock.now() });
    expect(checked.ok ? "ok" : checked.reason).toBe("revoked");
  });

  it("refuses a certificate revoked in the platform's records before any CRL lists it", async () => {
    const key = await personalKey();
    expect((await caLogin(new ApiClient(t.app), key)).json().status).toBe("binding_required");
    const row = await certificateRowOf(key);
    // As another process would have left it: the row marked, this process's CRL not yet reloaded.
    await transition(t.ctx.database.db, certificateMachine, {
      id: row.id,
      from: "active",
      to: "revoked",
      set: { revoked_at: clock.now().toISOString() },
    });
    expectRejected(await caLogin(new ApiClient(t.app), key), 401, "CERTIFICATE_REVOKED");
  });

  it("refuses a bound key once revoked (no session for its holder)", async () => {
    const key = await personalKey();
    await boundUser(t, key, { mobile: nextMobile() });
    expect((await caLogin(new ApiClient(t.app), key)).json().status).toBe("logged_in");
    await t.ctx.certificateAdmin.revoke(systemActor, (await certificateRowOf(key)).id, "superseded");
    expectRejected(await caLogin(new ApiClient(t.app), key), 401, "CERTIFICATE_REVOKED");
  });

  it("refuses a certificate without digitalSignature key usage: CERTIFICATE_KEY_USAGE", async () => {
    // A second vendor whose CA the platform trusts (the built-in CA's issue() does not take keyUsages).
    const vendorCa = await makeTestCa({ name: "第二厂商测试 CA" });
    const vendorId = await t.ctx.catalogAdmin.createVendor(systemActor, { code: `V${nextSeq()}`, name: "第二厂商" });
    for (const [kind, pem] of [
      ["root", vendorCa.rootCertificatePem],
      ["intermediate", vendorCa.issuingCertificatePem],
    ] as const) {
      const d = describeCertificate(pem);
      await insertTrustedCertificate(t.ctx.database.db, {
        id: randomUUID(),
        vendor_id: vendorId,
        kind,
        subject: d.subject,
        fingerprint_sha256: d.fingerprintSha256,
        certificate_pem: pem,
        not_after: d.notAfter.toISOString(),
        created_at: clock.now().toISOString(),
      });
    }
    t.ctx.trust.invalidate();
    const asKey = async (keyUsage?: ("digitalSignature" | "nonRepudiation" | "keyEncipherment")[]) => {
      const profile = personalProfile({ categoryCode: "project_lead" });
      const cert = await issueTestCertificate({ ca: vendorCa, profile, keyUsage });
      return { ...cert, algorithm: "EC-P256", chainPem: vendorCa.chainPem, profile } satisfies TestKey;
    };
    // The vendor is trusted: its ordinary certificate logs in...
    const ok = await caLogin(new ApiClient(t.app), await asKey());
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe("binding_required");
    // ...but not one that may not make signatures.
    const unfit = await asKey(["nonRepudiation", "keyEncipherment"]);
    expectRejected(await caLogin(new ApiClient(t.app), unfit), 401, "CERTIFICATE_KEY_USAGE");
  });

  it("answers garbage certificates with CERTIFICATE_MALFORMED (400), never 500", async () => {
    const key = await personalKey();
    const garbage = [
      `-----BEGIN CERTIFICATE-----\n${Buffer.from("not a certificate at all ".repeat(8)).toString("base64")}\n-----END CERTIFICATE-----\n`,
      "x".repeat(200),
      `-----BEGIN CERTIFICATE-----\n${"@@@@".repeat(40)}\n-----END CERTIFICATE-----\n`,
      key.certificatePem.slice(0, 120) + key.certificatePem.slice(200),
    ];
    for (const certificatePem of garbage) {
      expectRejected(await caLogin(new ApiClient(t.app), key, { certificatePem }), 400, "CERTIFICATE_MALFORMED");
    }
    // A garbage chain next to a good leaf is a client error too, never a crash.
    const badChain = await caLogin(new ApiClient(t.app), key, { chainPem: ["y".repeat(150)] });
    expect(badChain.statusCode).toBeGreaterThanOrEqual(400);
    expect(badChain.statusCode).toBeLessThan(500);
    expect(errorCode(badChain)).toMatch(/^CERTIFICATE_/);
  });
});

describe("CA login: signature and challenge", () => {
  it("refuses a signature by another key: SIGNATURE_INVALID", async () => {
    const key = await personalKey();
    const other = await generateKeyPair("EC-P256");
    expectRejected(await caLogin(new ApiClient(t.app), key, { signWith: other.privateKey }), 401, "SIGNATURE_INVALID");
  });

  it("refuses a signature over other text: SIGNATURE_INVALID", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const otherChallenge = await getChallenge(client);
    // A valid signature over a different (real) challenge, and over the challenge with a changed nonce.
    expectRejected(
      await caLogin(client, key, { signedText: () => otherChallenge.challenge }),
      401,
      "SIGNATURE_INVALID",
    );
    expectRejected(
      await caLogin(client, key, { signedText: (c) => c.replace(/nonce: .*/, "nonce: AAAA") }),
      401,
      "SIGNATURE_INVALID",
    );
  });

  it("refuses a signature that is not one (bad DER, wrong algorithm): coded 4xx", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const challenge = await getChallenge(client);
    const response = await client.post("/api/v1/auth/ca-login", {
      challengeId: challenge.challengeId,
      certificatePem: key.certificatePem,
      chainPem: key.chainPem,
      signature: Buffer.from("this is not an ECDSA signature").toString("base64"),
      signatureAlgorithm: "ecdsa-sha256",
    });
    expectRejected(response, 401, "SIGNATURE_INVALID");
    const rsaClaim = await client.post("/api/v1/auth/ca-login", {
      challengeId: (await getChallenge(client)).challengeId,
      certificatePem: key.certificatePem,
      chainPem: key.chainPem,
      signature: Buffer.alloc(256, 1).toString("base64"),
      signatureAlgorithm: "rsa-pkcs1-sha256",
    });
    expect(rsaClaim.statusCode).toBeGreaterThanOrEqual(400);
    expect(rsaClaim.statusCode).toBeLessThan(500);
    expect(errorCode(rsaClaim)).toBe("SIGNATURE_INVALID");
  });

  it("refuses a replayed challenge: CHALLENGE_REUSED, even when the first attempt failed", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const failed = await getChallenge(client);
    const other = await generateKeyPair("EC-P256");
    expectRejected(
      await caLogin(client, key, { challenge: failed, signWith: other.privateKey }),
      401,
      "SIGNATURE_INVALID",
    );
    expectRejected(await caLogin(client, key, { challenge: failed }), 400, "CHALLENGE_REUSED");

    const used = await getChallenge(client);
    expect((await caLogin(client, key, { challenge: used })).statusCode).toBe(200);
    expectRejected(await caLogin(new ApiClient(t.app), key, { challenge: used }), 400, "CHALLENGE_REUSED");
  });

  it("a challenge submitted twice at once logs in once", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const challenge = await getChallenge(client);
    const responses = await Promise.all([1, 2, 3].map(() => caLogin(new ApiClient(t.app), key, { challenge })));
    const outcomes = responses.map((r) => `${r.statusCode} ${errorCode(r) ?? r.json().status}`).sort();
    expect(outcomes).toEqual(["200 binding_required", "400 CHALLENGE_REUSED", "400 CHALLENGE_REUSED"]);
  });

  it("refuses an unknown challenge: CHALLENGE_UNKNOWN", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const real = await getChallenge(client);
    expectRejected(
      await caLogin(client, key, { challenge: { challengeId: randomUUID(), challenge: real.challenge } }),
      400,
      "CHALLENGE_UNKNOWN",
    );
  });

  it("refuses a challenge older than CHALLENGE_TTL: CHALLENGE_EXPIRED", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const fresh = await getChallenge(client);
    clock.advance(t.ctx.config.challengeTtlMs - 1000);
    expect((await caLogin(client, key, { challenge: fresh })).statusCode).toBe(200);

    const stale = await getChallenge(client);
    expect(new Date(stale.expiresAt).getTime() - clock.now().getTime()).toBe(t.ctx.config.challengeTtlMs);
    clock.advance(t.ctx.config.challengeTtlMs + 1);
    expectRejected(await caLogin(client, key, { challenge: stale }), 400, "CHALLENGE_EXPIRED");
  });
});

describe("CA login: request validation", () => {
  it("answers bad bodies with VALIDATION_FAILED (400)", async () => {
    const key = await personalKey();
    const client = new ApiClient(t.app);
    const { challengeId } = await getChallenge(client);
    const good = {
      challengeId,
      certificatePem: key.certificatePem,
      chainPem: key.chainPem,
      signature: Buffer.alloc(70, 7).toString("base64"),
      signatureAlgorithm: "ecdsa-sha256",
    };
    const bad: Record<string, unknown>[] = [
      {},
      { ...good, challengeId: undefined },
      { ...good, certificatePem: undefined },
      { ...good, signature: undefined },
      { ...good, signatureAlgorithm: "sm2-sm3" },
      { ...good, signatureAlgorithm: undefined },
      { ...good, challengeId: 42 },
      { ...good, certificatePem: "short" },
      { ...good, chainPem: "not an array" },
      { ...good, chainPem: Array(6).fill(key.certificatePem) },
      { ...good, signature: "tooshort" },
      { ...good, signature: "A".repeat(5000) },
      { ...good, certificatePem: "C".repeat(20_001) },
    ];
    for (const body of bad) {
      const response = await client.post("/api/v1/auth/ca-login", body);
      expect({ status: response.statusCode, code: errorCode(response) }).toEqual({
        status: 400,
        code: "VALIDATION_FAILED",
      });
    }
    // Validation failures leave the challenge unspent: it still works for a real signature.
    expect((await caLogin(client, key, { challenge: { challengeId, challenge: "" } })).json()).toMatchObject({
      error: { code: "SIGNATURE_INVALID" },
    });
  });

  it("keeps the main key's enterprise facts in the binding answer", async () => {
    const enterprise = newEnterprise();
    const key = await issueKey(t.ctx, organizationProfile(enterprise));
    const response = await caLogin(new ApiClient(t.app), key);
    expect(response.json()).toMatchObject({
      status: "binding_required",
      certificate: {
        holderKind: "organization",
        enterpriseName: enterprise.name,
        uscc: enterprise.uscc,
        category: "unit_main",
        vendor: "CFCA",
        knownFromRegistry: false,
      },
    });
  });
});

describe("CA login: attempts per address", () => {
  it("30 attempts a minute from one address, failed ones too; the 31st is LOGIN_RATE_LIMITED, others still log in", async () => {
    const key = await personalKey();
    await boundUser(t, key, { mobile: nextMobile() });
    const client = new ApiClient(t.app);
    const unknownChallenge = { challengeId: "c1.not-ours", challenge: "x" };
    for (let i = 0; i < 29; i++) {
      expectRejected(await caLogin(client, key, { challenge: unknownChallenge }), 400, "CHALLENGE_UNKNOWN");
    }
    expect((await caLogin(client, key)).json().status).toBe("logged_in");
    expectRejected(await caLogin(client, key), 429, "LOGIN_RATE_LIMITED");
    expect((await caLogin(new ApiClient(t.app), key)).json().status).toBe("logged_in");
    clock.advance(61_000);
    expect((await caLogin(client, key)).json().status).toBe("logged_in");
  });
});
