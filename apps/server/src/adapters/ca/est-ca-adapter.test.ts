import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCsr, describeCertificate, exportPrivateKeyPem, generateKeyPair, TrustStore, x509 } from "@lnca/pki";
import { makeTestCa } from "@lnca/pki/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCertificate,
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
} from "../../../test/support/factories";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import { systemActor } from "../../features/policy/actor";
import type { BuiltinEstEndpoint } from "./est/builtin-est-endpoint";
import { EstClient, EstError } from "./est/est-client";
import { readEstClientIdentity } from "./est/est-client-identity";

const YEAR_MS = 365 * 86_400_000;
let t: TestApp;
let endpoint: BuiltinEstEndpoint;
const clientDir = mkdtempSync(path.join(tmpdir(), "lnca-est-clients-"));

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true, config: { est: { port: 0, clientDir } } });
  const started = await t.ctx.adapters.startEstEndpoint();
  if (!started) throw new Error("EST endpoint not started");
  endpoint = started;
  // The built-in CA's vendor renews over EST, against the endpoint the built-in CA serves.
  await t.ctx.database.db
    .updateTable("vendors")
    .set({ adapter: "est", est_url: endpoint.url })
    .where("code", "=", "CFCA")
    .execute();
});
afterAll(async () => {
  await endpoint?.close();
  await t.close();
  rmSync(clientDir, { recursive: true, force: true });
});

async function estVendor() {
  const vendor = await t.ctx.catalogAdmin.findVendor("CFCA");
  if (!vendor) throw new Error("no CFCA vendor");
  return vendor;
}

async function csrFor(profile: Parameters<typeof createCsr>[0]["profile"]) {
  const keys = await generateKeyPair("EC-P256");
  return { keys, csrPem: await createCsr({ keys, algorithm: "EC-P256", profile: profile as never }) };
}

function spki(pem: string): Buffer {
  return Buffer.from(new x509.X509Certificate(pem).publicKey.rawData);
}

describe(`EST adapter against the built-in CA's EST endpoint (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("renews as the platform's RA over TLS: same subject, the new key, a year on, chaining to the vendor's root", async () => {
    const adapter = t.ctx.adapters.caAdapterFor(await estVendor());
    expect(adapter.name).toBe("est");
    const profile = organizationProfile(newEnterprise());
    const old = await issueKey(t.ctx, profile);
    const { reference } = await adapter.requestRenewal({
      certificatePem: old.certificatePem,
      notAfter: describeCertificate(old.certificatePem).notAfter,
    });
    const { keys, csrPem } = await csrFor(profile);
    const renewed = await adapter.download({ reference, csrPem });

    const d = describeCertificate(renewed.certificatePem);
    expect(d.subject).toBe(describeCertificate(old.certificatePem).subject);
    expect(d.serialNumber).not.toBe(old.serialNumber);
    expect(spki(renewed.certificatePem)).toEqual(Buffer.from(await crypto.subtle.exportKey("spki", keys.publicKey)));
    // The built-in CA behind the endpoint renews as it does directly: a year on from the old certificate's end.
    expect(d.notAfter.getTime()).toBe(describeCertificate(old.certificatePem).notAfter.getTime() + YEAR_MS);
    // The chain came from /cacerts (PKCS#7), and the certificate verifies with it against the vendor's root.
    expect(renewed.chainPem.map((p) => describeCertificate(p).fingerprintSha256)).toEqual(
      t.ctx.ca.chainPem.map((p) => describeCertificate(p).fingerprintSha256),
    );
    const store = new TrustStore({ roots: [t.ctx.ca.rootCertificatePem] });
    const result = await store.validate({
      leafPem: renewed.certificatePem,
      chainPem: renewed.chainPem,
      at: new Date(),
    });
    expect(result.ok).toBe(true);
    // And the platform's own login trust accepts it as the vendor's.
    const login = await t.ctx.trust.validate(renewed.certificatePem, renewed.chainPem);
    expect(login.result.ok).toBe(true);
    expect(login.vendorId).toBe((await estVendor()).id);
  });

  it("lets a holder re-enroll with its own certificate and key (RFC 7030 §4.2.2), keeping its subject", async () => {
    const profile = personalProfile({ categoryCode: "project_lead" });
    const old = await issueKey(t.ctx, profile);
    const client = new EstClient({
      baseUrl: endpoint.url,
      clientCertificatePem: old.certificatePem,
      clientKeyPem: await exportPrivateKeyPem(old.keys.privateKey),
      serverTrustPem: [t.ctx.ca.rootCertificatePem],
    });
    const chain = await client.cacerts();
    expect(chain.map((p) => describeCertificate(p).subject)).toEqual(
      [...t.ctx.ca.chainPem, t.ctx.ca.rootCertificatePem].map((p) => describeCertificate(p).subject),
    );
    const { csrPem } = await csrFor(profile);
    const [issued] = await client.simplereenroll(csrPem);
    expect(describeCertificate(issued as string).subject).toBe(describeCertificate(old.certificatePem).subject);

    const other = await csrFor(personalProfile({ categoryCode: "project_lead" }));
    await expect(client.simplereenroll(other.csrPem)).rejects.toMatchObject({ status: 400 });
    // Enrolling a new subject is for registration authorities only.
    await expect(client.simpleenroll(other.csrPem)).rejects.toMatchObject({ status: 403 });
  });

  it("refuses clients its CA did not certify, revoked certificates and an RA that names none", async () => {
    const profile = personalProfile({ categoryCode: "project_lead" });
    const { csrPem } = await csrFor(profile);
    const stranger = await makeTestCa({ name: "陌生 CA" });
    const strangerKeys = await generateKeyPair("EC-P256");
    const strangerCert = await stranger.issue({
      profile,
      publicKey: strangerKeys.publicKey,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + YEAR_MS),
    });
    const strangerClient = new EstClient({
      baseUrl: endpoint.url,
      clientCertificatePem: strangerCert.certificatePem,
      clientKeyPem: await exportPrivateKeyPem(strangerKeys.privateKey),
      serverTrustPem: [t.ctx.ca.rootCertificatePem],
    });
    await expect(strangerClient.simplereenroll(csrPem)).rejects.toMatchObject({ status: 403 });

    // The RA renewing a revoked certificate: refused by the CA, reported with its code.
    const revoked = await buildCertificate(t.ctx, profile);
    await t.ctx.certificateAdmin.revoke(systemActor, revoked.certificate.id, "测试吊销");
    const adapter = t.ctx.adapters.caAdapterFor(await estVendor());
    const { reference } = await adapter.requestRenewal({
      certificatePem: revoked.certificatePem,
      notAfter: new Date(),
    });
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_RENEWAL_REFUSED" });

    const ra = await readEstClientIdentity(clientDir, "CFCA");
    const raClient = new EstClient({
      baseUrl: endpoint.url,
      clientCertificatePem: ra.certificatePem,
      clientKeyPem: ra.keyPem,
      serverTrustPem: [t.ctx.ca.rootCertificatePem],
    });
    await expect(raClient.simplereenroll(csrPem)).rejects.toMatchObject({ status: 400 });
    // An RA may enroll a new subject.
    const [enrolled] = await raClient.simpleenroll(csrPem);
    expect(describeCertificate(enrolled as string).holderName).toBe(profile.holderName);
  });

  it("refuses a CSR whose subject is not the renewed certificate's before calling the CA", async () => {
    const adapter = t.ctx.adapters.caAdapterFor(await estVendor());
    const old = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    const { reference } = await adapter.requestRenewal({ certificatePem: old.certificatePem, notAfter: new Date() });
    const { csrPem } = await csrFor(personalProfile({ categoryCode: "project_lead" }));
    await expect(adapter.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_RENEWAL_REFUSED" });
  });

  it("does not trust an EST server outside the vendor's roots, and names a vendor it cannot serve", async () => {
    const vendor = await estVendor();
    const profile = personalProfile({ categoryCode: "project_lead" });
    const old = await issueKey(t.ctx, profile);
    const { csrPem } = await csrFor(profile);
    const client = new EstClient({
      baseUrl: endpoint.url,
      clientCertificatePem: old.certificatePem,
      clientKeyPem: await exportPrivateKeyPem(old.keys.privateKey),
      serverTrustPem: [(await makeTestCa()).rootCertificatePem],
    });
    await expect(client.simplereenroll(csrPem)).rejects.toBeInstanceOf(EstError);

    expect(() => t.ctx.adapters.caAdapterFor({ ...vendor, est_url: null })).toThrow(
      expect.objectContaining({ code: "CA_ADAPTER_UNAVAILABLE" }),
    );
    const noIdentity = t.ctx.adapters.caAdapterFor({ ...vendor, code: "NOIDENTITY" });
    const { reference } = await noIdentity.requestRenewal({ certificatePem: old.certificatePem, notAfter: new Date() });
    await expect(noIdentity.download({ reference, csrPem })).rejects.toMatchObject({ code: "CA_ADAPTER_UNAVAILABLE" });
  });
});
