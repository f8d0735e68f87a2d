import { describeCertificate } from "@lnca/pki";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectError } from "../../../test/support/api-client";
import { buildPaidRenewal, buildPlatformCredentials, type PaidRenewal } from "../../../test/support/factories";
import { SoftKeybridge } from "../../../test/support/soft-keybridge";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import { systemActor } from "../policy/actor";

/**
 * Acceptance 3 of the key update: what `POST /interop/verify` answers a chosen and a dropped platform before and
 * after a real key update — opened, proven, issued, written and confirmed through the key-update routes by a
 * software keybridge — and that it answers no caller without the platform's valid key.
 */
const VERIFY = "/api/v1/interop/verify";
const YEAR_MS = 365 * 86_400_000;

let t: TestApp;
const clock = new TestClock();
let chosen: Awaited<ReturnType<typeof buildPlatformCredentials>>;
let dropped: Awaited<ReturnType<typeof buildPlatformCredentials>>;

function verifyAs(authorization: string | null, certificate: string) {
  return new ApiClient(t.app).post(
    VERIFY,
    { certificate },
    { csrf: false, headers: authorization === null ? {} : { authorization } },
  );
}
const bearer = (apiKey: string) => `Bearer ${apiKey}`;

/** The key update through the holder's HTTP routes, as the page drives it with the keybridge; stops before confirm. */
async function updateUntilWritten(r: PaidRenewal, bridge: SoftKeybridge) {
  const opened = await r.holder.post("/api/v1/key-updates", { renewalItemId: r.itemId });
  expect(opened.statusCode).toBe(200);
  const keyUpdate = opened.json();
  const csr = await r.holder.post(`/api/v1/key-updates/${keyUpdate.id}/csr`, await bridge.renewalRequest(keyUpdate));
  expect(csr.json().status).toBe("issued");
  const renewedPem: string = csr.json().newCertificate.certificatePem;
  await bridge.importCertificate(keyUpdate.id, renewedPem);
  expect((await r.holder.post(`/api/v1/key-updates/${keyUpdate.id}/written`)).json().status).toBe("written");
  return { keyUpdateId: keyUpdate.id as string, renewedPem };
}

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true, clock });
  chosen = await buildPlatformCredentials(t.ctx, "ln-jsgc");
  dropped = await buildPlatformCredentials(t.ctx, "ln-zfcg");
});
afterAll(() => t?.close());

describe(`interop/verify around a real key update (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("before: valid and associated with both; after: the old one superseded, the new one the chosen platform's only", async () => {
    const r = await buildPaidRenewal(t, {
      platformCodes: [chosen.code, dropped.code],
      chosenPlatformCodes: [chosen.code],
    });
    const bridge = new SoftKeybridge(r.key);
    const oldPem = r.key.certificatePem;
    const enterprise = await t.ctx.database.db
      .selectFrom("enterprises")
      .select(["name", "uscc"])
      .where("id", "=", r.key.certificate.enterprise_id ?? "")
      .executeTakeFirstOrThrow();
    const whose = {
      holderName: "刘洋",
      enterpriseName: enterprise.name,
      uscc: enterprise.uscc,
      categoryCode: "project_lead",
    };

    for (const platform of [chosen, dropped]) {
      expect((await verifyAs(bearer(platform.apiKey), oldPem)).json()).toEqual({
        valid: true,
        ...whose,
        notAfter: describeCertificate(oldPem).notAfter.toISOString(),
        associated: true,
      });
    }

    // Issued and on the key but not confirmed: the old certificate is still the key's, the new one no platform's.
    const { keyUpdateId, renewedPem } = await updateUntilWritten(r, bridge);
    for (const platform of [chosen, dropped]) {
      expect((await verifyAs(bearer(platform.apiKey), oldPem)).json()).toMatchObject({ valid: true, associated: true });
      expect((await verifyAs(bearer(platform.apiKey), renewedPem)).json()).toMatchObject({ associated: false });
    }

    const confirmed = await r.holder.post(`/api/v1/key-updates/${keyUpdateId}/confirm`);
    expect(confirmed.json().status).toBe("confirmed");
    expect(bridge.retire(keyUpdateId)).toBe(true);

    for (const platform of [chosen, dropped]) {
      const old = (await verifyAs(bearer(platform.apiKey), oldPem)).json();
      expect(old).toMatchObject({ valid: false, reason: "superseded", ...whose, associated: false });
    }
    const renewedNotAfter = describeCertificate(renewedPem).notAfter;
    expect(renewedNotAfter.getTime()).toBe(describeCertificate(oldPem).notAfter.getTime() + YEAR_MS);
    const forChosen = (await verifyAs(bearer(chosen.apiKey), renewedPem)).json();
    expect(forChosen).toEqual({ valid: true, ...whose, notAfter: renewedNotAfter.toISOString(), associated: true });
    const forDropped = (await verifyAs(bearer(dropped.apiKey), renewedPem)).json();
    expect(forDropped).toEqual({ valid: true, ...whose, notAfter: renewedNotAfter.toISOString(), associated: false });
  });

  it("refuses a caller without the platform's valid key: missing, malformed, wrong, rotated away", async () => {
    const r = await buildPaidRenewal(t, { platformCodes: [chosen.code], chosenPlatformCodes: [chosen.code] });
    const bridge = new SoftKeybridge(r.key);
    const { keyUpdateId, renewedPem } = await updateUntilWritten(r, bridge);
    expect((await r.holder.post(`/api/v1/key-updates/${keyUpdateId}/confirm`)).json().status).toBe("confirmed");
    const platform = await buildPlatformCredentials(t.ctx, "ln-ztbjg");

    const refusals = [
      null,
      "",
      "Bearer",
      `Basic ${Buffer.from(platform.apiKey).toString("base64")}`,
      `Bearer ${platform.apiKey} ${platform.apiKey}`,
      platform.apiKey,
      "Bearer lnpk_not-a-key-we-issued",
      bearer(platform.apiKey.slice(0, -1)),
      bearer(platform.webhookSecret),
    ];
    for (const authorization of refusals) {
      for (const pem of [r.key.certificatePem, renewedPem]) {
        const response = await verifyAs(authorization, pem);
        expectError(response, 401, "INTEROP_UNAUTHENTICATED");
        expect(response.body).not.toContain("刘洋");
      }
    }

    // Rotated: the earlier key works through the overlap, then stops; the new key goes on answering.
    const rotated = await t.ctx.platformCredentials.issueKey(systemActor, platform.platformId);
    expect((await verifyAs(bearer(platform.apiKey), renewedPem)).json()).toMatchObject({ valid: true });
    clock.advance(24 * 3_600_000 + 1_000);
    expectError(await verifyAs(bearer(platform.apiKey), renewedPem), 401, "INTEROP_UNAUTHENTICATED");
    expectError(await verifyAs(bearer(platform.apiKey), r.key.certificatePem), 401, "INTEROP_UNAUTHENTICATED");
    expect((await verifyAs(bearer(rotated.apiKey), renewedPem)).json()).toMatchObject({
      valid: true,
      associated: false,
    });
    expect((await verifyAs(bearer(rotated.apiKey), r.key.certificatePem)).json()).toMatchObject({
      valid: false,
      reason: "superseded",
    });
  });
});
