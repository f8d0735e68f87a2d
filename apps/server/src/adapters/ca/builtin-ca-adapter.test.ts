import { createCsr, describeCertificate, generateKeyPair } from "@lnca/pki";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKey, personalProfile } from "../../../test/support/factories";
import { DAY_MS } from "../../../test/support/identifiers";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";

const YEAR_MS = 365 * DAY_MS;
const clock = new TestClock();
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

/** Renews a key valid until `notAfter` through the adapter's two calls; the renewed certificate's end. */
async function renewedNotAfter(notAfter: Date): Promise<Date> {
  const profile = personalProfile({ categoryCode: "project_lead" });
  const now = clock.now();
  const old = await issueKey(t.ctx, profile, { notBefore: new Date(now.getTime() - 400 * DAY_MS), notAfter });
  const { reference } = await t.ctx.ca.requestRenewal({
    certificatePem: old.certificatePem,
    notAfter: describeCertificate(old.certificatePem).notAfter,
  });
  const keys = await generateKeyPair("EC-P256");
  const renewed = await t.ctx.ca.download({
    reference,
    csrPem: await createCsr({ keys, algorithm: "EC-P256", profile }),
  });
  const d = describeCertificate(renewed.certificatePem);
  expect(d.notBefore.getTime()).toBe(floorToSecond(now));
  return d.notAfter;
}

/** Certificates carry whole seconds. */
const floorToSecond = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

describe("built-in CA renewal (延期): a year on from the old certificate's end, or from now once it has passed", () => {
  it("a certificate with 20 days left is renewed until a year and 20 days from now", async () => {
    const notAfter = new Date(clock.now().getTime() + 20 * DAY_MS);
    expect((await renewedNotAfter(notAfter)).getTime()).toBe(floorToSecond(notAfter) + YEAR_MS);
  });

  it("an expired certificate is renewed until a year from now, not a year from its end", async () => {
    const notAfter = new Date(clock.now().getTime() - 3 * DAY_MS);
    expect((await renewedNotAfter(notAfter)).getTime()).toBe(floorToSecond(new Date(clock.now().getTime() + YEAR_MS)));
  });

  it("refuses a reference it did not give out", async () => {
    const keys = await generateKeyPair("EC-P256");
    const csrPem = await createCsr({
      keys,
      algorithm: "EC-P256",
      profile: personalProfile({ categoryCode: "project_lead" }),
    });
    await expect(t.ctx.ca.download({ reference: "01ab", csrPem })).rejects.toMatchObject({
      code: "CA_RENEWAL_REFUSED",
    });
  });
});
