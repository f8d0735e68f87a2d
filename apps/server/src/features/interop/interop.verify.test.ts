import { makeSelfSignedCertificate } from "@lnca/pki/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectError } from "../../../test/support/api-client";
import {
  buildCertificate,
  buildPlatformCredentials,
  buildRenewal,
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
} from "../../../test/support/factories";
import { DAY_MS } from "../../../test/support/identifiers";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import { systemActor } from "../policy/actor";

const VERIFY = "/api/v1/interop/verify";

let t: TestApp;
let clock: TestClock;
let jsgc: Awaited<ReturnType<typeof buildPlatformCredentials>>;
let zfcg: Awaited<ReturnType<typeof buildPlatformCredentials>>;
const caller = () => new ApiClient(t.app);

/** A platform's server-to-server call: its key, no cookies, no CSRF token. */
function verifyAs(apiKey: string | null, certificate: string) {
  return caller().post(
    VERIFY,
    { certificate },
    { csrf: false, headers: apiKey === null ? {} : { authorization: `Bearer ${apiKey}` } },
  );
}

beforeAll(async () => {
  clock = new TestClock();
  t = await createTestApp({ withCatalog: true, clock });
  jsgc = await buildPlatformCredentials(t.ctx, "ln-jsgc");
  zfcg = await buildPlatformCredentials(t.ctx, "ln-zfcg");
});
afterAll(() => t?.close());

describe(`POST /interop/verify (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("a valid certificate associated with the caller: valid, whose, which enterprise, associated", async () => {
    const enterprise = newEnterprise();
    const key = await buildCertificate(t.ctx, organizationProfile(enterprise), { platformCodes: ["ln-jsgc"] });
    const response = await verifyAs(jsgc.apiKey, key.certificatePem);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      valid: true,
      holderName: enterprise.name,
      enterpriseName: enterprise.name,
      uscc: enterprise.uscc,
      categoryCode: "unit_main",
      notAfter: key.certificate.not_after,
      associated: true,
    });
    // The same certificate, asked by a platform it is not associated with.
    expect((await verifyAs(zfcg.apiKey, key.certificatePem)).json()).toMatchObject({ valid: true, associated: false });
  });

  it("a valid certificate the platform has not recorded: valid, named from the certificate, not associated", async () => {
    const enterprise = newEnterprise();
    const key = await issueKey(
      t.ctx,
      personalProfile({ categoryCode: "cost_engineer", holderName: "王芳", enterprise }),
    );
    const body = (await verifyAs(jsgc.apiKey, key.certificatePem)).json();
    expect(body).toMatchObject({
      valid: true,
      holderName: "王芳",
      enterpriseName: enterprise.name,
      categoryCode: "cost_engineer",
      associated: false,
    });
    expect(body.reason).toBeUndefined();
  });

  it("an expired certificate: not valid, reason expired", async () => {
    const now = t.ctx.clock.now().getTime();
    const key = await buildCertificate(t.ctx, personalProfile({ categoryCode: "project_lead" }), {
      notBefore: new Date(now - 30 * DAY_MS),
      notAfter: new Date(now - DAY_MS),
      platformCodes: ["ln-jsgc"],
    });
    expect((await verifyAs(jsgc.apiKey, key.certificatePem)).json()).toMatchObject({
      valid: false,
      reason: "expired",
      associated: true,
    });
  });

  it("a revoked certificate: not valid, reason revoked", async () => {
    const key = await buildCertificate(t.ctx, personalProfile({ categoryCode: "project_lead" }), {
      platformCodes: ["ln-jsgc"],
    });
    expect((await verifyAs(jsgc.apiKey, key.certificatePem)).json().valid).toBe(true);
    await t.ctx.certificateAdmin.revoke(systemActor, key.certificate.id, "keyCompromise");
    expect((await verifyAs(jsgc.apiKey, key.certificatePem)).json()).toMatchObject({ valid: false, reason: "revoked" });
  });

  it("a certificate from an unknown issuer: not valid, reason untrusted", async () => {
    const stranger = await makeSelfSignedCertificate({ profile: personalProfile({ categoryCode: "project_lead" }) });
    expect((await verifyAs(jsgc.apiKey, stranger.certificatePem)).json()).toMatchObject({
      valid: false,
      reason: "untrusted",
      associated: false,
    });
  });

  it("an unreadable certificate: 400 CERTIFICATE_MALFORMED", async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${"A".repeat(64)}\n-----END CERTIFICATE-----`;
    expectError(await verifyAs(jsgc.apiKey, pem), 400, "CERTIFICATE_MALFORMED");
  });

  it("before and after a renewal: the chosen platform keeps it, the dropped one loses it, the old one is superseded", async () => {
    const key = await buildCertificate(t.ctx, personalProfile({ categoryCode: "project_lead" }), {
      platformCodes: ["ln-jsgc", "ln-zfcg"],
    });
    for (const platform of [jsgc, zfcg]) {
      expect((await verifyAs(platform.apiKey, key.certificatePem)).json()).toMatchObject({
        valid: true,
        associated: true,
      });
    }
    const renewed = await buildRenewal(t.ctx, key, { chosen: ["ln-jsgc"], dropped: ["ln-zfcg"] });
    for (const platform of [jsgc, zfcg]) {
      expect((await verifyAs(platform.apiKey, key.certificatePem)).json()).toMatchObject({
        valid: false,
        reason: "superseded",
        associated: false,
      });
    }
    expect((await verifyAs(jsgc.apiKey, renewed.certificatePem)).json()).toMatchObject({
      valid: true,
      associated: true,
      notAfter: renewed.certificate.not_after,
    });
    expect((await verifyAs(zfcg.apiKey, renewed.certificatePem)).json()).toMatchObject({
      valid: true,
      associated: false,
    });
  });
});

describe("interop credentials", () => {
  let pem: string;
  beforeAll(async () => {
    pem = (await buildCertificate(t.ctx)).certificatePem;
  });

  it("refuses a caller without a key, with a wrong key, or with a session instead of a key: 401 INTEROP_UNAUTHENTICATED", async () => {
    const none = await verifyAs(null, pem);
    expectError(none, 401, "INTEROP_UNAUTHENTICATED");
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    expectError(await verifyAs("lnpk_not-a-key-we-issued", pem), 401, "INTEROP_UNAUTHENTICATED");
    expectError(await verifyAs(jsgc.apiKey.slice(0, -1), pem), 401, "INTEROP_UNAUTHENTICATED");
    const basic = await caller().post(
      VERIFY,
      { certificate: pem },
      { csrf: false, headers: { authorization: `Basic ${Buffer.from(jsgc.apiKey).toString("base64")}` } },
    );
    expectError(basic, 401, "INTEROP_UNAUTHENTICATED");
  });

  it("authenticates before reading the body: a caller without a key learns nothing about it", async () => {
    const response = await caller().post(VERIFY, { nonsense: true }, { csrf: false });
    expectError(response, 401, "INTEROP_UNAUTHENTICATED");
  });

  it("a rotated key keeps working for the overlap, then stops; a second rotation ends the first key at once", async () => {
    const platform = await buildPlatformCredentials(t.ctx, "ln-ggzy");
    const second = await t.ctx.platformCredentials.issueKey(systemActor, platform.platformId);
    expect(second.previousKeyValidUntil).toBe(new Date(clock.now().getTime() + 24 * 3_600_000).toISOString());
    expect((await verifyAs(platform.apiKey, pem)).statusCode).toBe(200);
    expect((await verifyAs(second.apiKey, pem)).statusCode).toBe(200);
    clock.advance(24 * 3_600_000 + 1_000);
    expectError(await verifyAs(platform.apiKey, pem), 401, "INTEROP_UNAUTHENTICATED");
    expect((await verifyAs(second.apiKey, pem)).statusCode).toBe(200);

    const third = await t.ctx.platformCredentials.issueKey(systemActor, platform.platformId);
    const fourth = await t.ctx.platformCredentials.issueKey(systemActor, platform.platformId);
    expectError(await verifyAs(second.apiKey, pem), 401, "INTEROP_UNAUTHENTICATED");
    expect((await verifyAs(third.apiKey, pem)).statusCode).toBe(200);
    expect((await verifyAs(fourth.apiKey, pem)).statusCode).toBe(200);
  });

  it("keeps only the key's hash and a hint", async () => {
    const row = await t.ctx.database.db
      .selectFrom("platforms")
      .selectAll()
      .where("id", "=", jsgc.platformId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(jsgc.apiKey);
    expect(JSON.stringify(row)).not.toContain(jsgc.webhookSecret);
    expect(jsgc.apiKey.startsWith(row.interop_key_hint ?? "-")).toBe(true);
    expect(jsgc.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  });

  it("limits each platform's verifications per minute, not the others'", async () => {
    const busy = await buildPlatformCredentials(t.ctx, "sy-ggzy");
    const calls = await Promise.all(Array.from({ length: 600 }, () => verifyAs(busy.apiKey, "x")));
    expect(calls.every((r) => r.statusCode === 400)).toBe(true);
    expectError(await verifyAs(busy.apiKey, pem), 429, "INTEROP_RATE_LIMITED");
    expect((await verifyAs(jsgc.apiKey, pem)).statusCode).toBe(200);
  });

  it("is in the OpenAPI document with its bearer security", async () => {
    const document = (await caller().get("/api/v1/openapi.json")).json();
    expect(document.paths["/api/v1/interop/verify"].post.security).toEqual([{ platformKey: [] }]);
    expect(document.components.securitySchemes.platformKey).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
