import { describe, expect, it } from "vitest";
import { PkiError } from "../errors";
import { issueTestCertificate, makeTestCa } from "../testing";
import { PemFactsCache, pemFacts } from "./facts-cache";
import { TrustStore } from "./trust-store";

describe("PemFactsCache", async () => {
  const ca = await makeTestCa();
  const [a, b, c] = await Promise.all([1, 2, 3].map(() => issueTestCertificate({ ca })));

  it("returns the same facts object for the same PEM text, read once", () => {
    const cache = new PemFactsCache(10);
    const first = cache.get(a!.certificatePem);
    expect(first.serialNumber).toBe(a!.serialNumber);
    expect(cache.get(`${a!.certificatePem}`)).toBe(first);
    expect(cache.get(b!.certificatePem)).not.toBe(first);
    expect(cache.size).toBe(2);
  });

  it("evicts the least recently used PEM beyond its limit", () => {
    const cache = new PemFactsCache(2);
    const factsA = cache.get(a!.certificatePem);
    const factsB = cache.get(b!.certificatePem);
    cache.get(a!.certificatePem); // b is now the oldest
    cache.get(c!.certificatePem);
    expect(cache.size).toBe(2);
    expect(cache.get(a!.certificatePem)).toBe(factsA);
    expect(cache.get(b!.certificatePem)).not.toBe(factsB);
  });

  it("never keeps unreadable input: it is refused as malformed every time", () => {
    const cache = new PemFactsCache(10);
    const garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    for (let i = 0; i < 2; i++) expect(() => cache.get(garbage)).toThrow(PkiError);
    expect(cache.size).toBe(0);
  });

  it("skips no check in TrustStore: a cached certificate is still judged at the given time and by the CRL", async () => {
    const store = new TrustStore({ roots: [ca.rootCertificatePem] });
    const pem = a!.certificatePem;
    const now = new Date();
    expect((await store.validate({ leafPem: pem, chainPem: ca.chainPem, at: now })).ok).toBe(true);
    expect(pemFacts.get(pem)).toBe(pemFacts.get(pem));
    const later = new Date(pemFacts.get(pem).notAfter.getTime() + 1000);
    expect(await store.validate({ leafPem: pem, chainPem: ca.chainPem, at: later })).toMatchObject({
      ok: false,
      reason: "expired",
    });
    const revoking = new TrustStore({
      roots: [ca.rootCertificatePem],
      intermediates: ca.chainPem,
      crls: [
        await ca.createCrl({
          revoked: [{ serialNumber: a!.serialNumber, revokedAt: new Date(now.getTime() - 1000) }],
          thisUpdate: new Date(now.getTime() - 1000),
          nextUpdate: new Date(now.getTime() + 86_400_000),
          crlNumber: 1,
        }),
      ],
    });
    expect(await revoking.validate({ leafPem: pem, chainPem: ca.chainPem, at: now })).toMatchObject({
      ok: false,
      reason: "revoked",
    });
  });

  it("describes a shared facts object once, frozen", async () => {
    const store = new TrustStore({ roots: [ca.rootCertificatePem] });
    const first = await store.validate({ leafPem: b!.certificatePem, chainPem: ca.chainPem, at: new Date() });
    const second = await store.validate({ leafPem: b!.certificatePem, chainPem: ca.chainPem, at: new Date() });
    if (!first.ok || !second.ok) throw new Error("expected success");
    expect(second.description).toBe(first.description);
    expect(Object.isFrozen(first.description)).toBe(true);
  });
});
