import { describe, expect, it } from "vitest";
import { PkiError } from "../errors";
import { issueTestCertificate, makeSelfSignedCertificate, makeTestCa } from "../testing";
import { TrustStore } from "./trust-store";

const DAY = 86_400_000;
const at = new Date();
const days = (n: number) => new Date(at.getTime() + n * DAY);

describe("TrustStore", async () => {
  const ca = await makeTestCa();
  const otherCa = await makeTestCa({ name: "其他 CA" });
  const good = await issueTestCertificate({ ca });
  const store = new TrustStore({ roots: [ca.rootCertificatePem] });
  const crl = (serials: string[], crlNumber: number, nextUpdate = days(7)) =>
    ca.createCrl({
      revoked: serials.map((serialNumber) => ({ serialNumber, revokedAt: days(-1) })),
      thisUpdate: days(-1),
      nextUpdate,
      crlNumber,
    });

  it("accepts a certificate with its presented chain and describes it", async () => {
    const result = await store.validate({ leafPem: good.certificatePem, chainPem: ca.chainPem, at });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.description).toMatchObject({ holderName: "测试持证人", serialNumber: good.serialNumber });
    expect(result.chain).toHaveLength(3);
    expect(result.chain[2]?.subject).toContain("测试 CA根 CA");
    expect(result.leaf.serialNumber.toLowerCase()).toContain(good.serialNumber);
  });

  it("finds configured intermediates without a presented chain", async () => {
    const withIntermediate = new TrustStore({ roots: [ca.rootCertificatePem], intermediates: ca.chainPem });
    expect((await withIntermediate.validate({ leaf: good.certificatePem, at })).ok).toBe(true);
    expect(await store.validate({ leaf: good.certificatePem, at })).toMatchObject({ ok: false, reason: "untrusted" });
  });

  it.each([
    ["self-signed", async () => (await makeSelfSignedCertificate()).certificatePem, () => []],
    ["another CA's", async () => (await issueTestCertificate({ ca: otherCa })).certificatePem, () => otherCa.chainPem],
    ["from a foreign issuer presented as ours", async () => good.certificatePem, () => otherCa.chainPem],
  ])("calls a %s certificate untrusted", async (_name, leaf, chain) => {
    const result = await store.validate({ leafPem: await leaf(), chainPem: chain(), at });
    expect(result).toMatchObject({ ok: false, reason: "untrusted" });
  });

  it("refuses a leaf posing as an intermediate", async () => {
    const other = await issueTestCertificate({ ca });
    const result = await store.validate({ leafPem: good.certificatePem, chainPem: [other.certificatePem], at });
    expect(result).toMatchObject({ ok: false, reason: "untrusted" });
  });

  it("checks validity at the given time", async () => {
    const expired = await issueTestCertificate({ ca, notBefore: days(-60), notAfter: days(-1) });
    const future = await issueTestCertificate({ ca, notBefore: days(1), notAfter: days(30) });
    const check = (pem: string) => store.validate({ leafPem: pem, chainPem: ca.chainPem, at });
    expect(await check(expired.certificatePem)).toMatchObject({ ok: false, reason: "expired" });
    expect(await check(future.certificatePem)).toMatchObject({ ok: false, reason: "not_yet_valid" });
    const later = await store.validate({ leafPem: future.certificatePem, chainPem: ca.chainPem, at: days(2) });
    expect(later.ok).toBe(true);
  });

  it("requires digitalSignature in the leaf's key usage", async () => {
    const signingOnly = await issueTestCertificate({ ca, keyUsage: ["nonRepudiation"] });
    const result = await store.validate({ leafPem: signingOnly.certificatePem, chainPem: ca.chainPem, at });
    expect(result).toMatchObject({ ok: false, reason: "key_usage" });
  });

  it.each([
    ["garbage", "not a certificate", []],
    ["a garbage chain", "", ["-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----"]],
  ])("reports %s as malformed", async (_name, leaf, chainPem) => {
    const result = await store.validate({ leafPem: leaf || good.certificatePem, chainPem, at });
    expect(result).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("applies CRLs, newest first, even for certificates it validated before", async () => {
    const victim = await issueTestCertificate({ ca, notBefore: days(-3) });
    const local = new TrustStore({ roots: [ca.rootCertificatePem], intermediates: ca.chainPem });
    const check = () => local.validate({ leafPem: victim.certificatePem, at });
    expect((await check()).ok).toBe(true);
    expect(local.setCrls([await crl([victim.serialNumber], 2)])).toEqual({ accepted: 1, rejected: [] });
    expect(await check()).toMatchObject({ ok: false, reason: "revoked" });
    // An older CRL cannot un-revoke.
    const rollback = local.setCrls([await crl([], 1)]);
    expect(rollback.rejected).toHaveLength(1);
    expect(await check()).toMatchObject({ ok: false, reason: "revoked" });
    expect((await local.validate({ leafPem: good.certificatePem, at })).ok).toBe(true);
    // Revocation dated after `at` does not apply to that moment.
    expect((await local.validate({ leafPem: victim.certificatePem, at: days(-1.5) })).ok).toBe(true);
  });

  it("refuses CRLs with a bad signature or from an unknown CA", async () => {
    const pem = await crl([good.serialNumber], 3);
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    der.writeUInt8(der.readUInt8(der.length - 3) ^ 0x01, der.length - 3);
    const foreign = await otherCa.createCrl({ revoked: [], thisUpdate: days(-1), nextUpdate: days(7), crlNumber: 1 });
    const local = new TrustStore({ roots: [ca.rootCertificatePem], intermediates: ca.chainPem });
    const report = local.setCrls([der, foreign, "garbage"]);
    expect(report.accepted).toBe(0);
    expect(report.rejected.map((r) => r.index)).toEqual([0, 1, 2]);
    expect((await local.validate({ leafPem: good.certificatePem, at })).ok).toBe(true);
    expect(() => new TrustStore({ roots: [ca.rootCertificatePem], intermediates: ca.chainPem, crls: [der] })).toThrow(
      PkiError,
    );
  });

  it("fails closed on a stale CRL only when asked to", async () => {
    const stale = await crl([], 1, days(-0.5));
    const options = { roots: [ca.rootCertificatePem], intermediates: ca.chainPem, crls: [stale] };
    const strict = new TrustStore({ ...options, requireCrlFor: "known-issuers" });
    const lenient = new TrustStore(options);
    expect(await strict.validate({ leafPem: good.certificatePem, at })).toMatchObject({
      ok: false,
      reason: "revocation_unknown",
    });
    expect((await lenient.validate({ leafPem: good.certificatePem, at })).ok).toBe(true);
    // Another CA's certificates have no CRL slot here, so they are not held to it.
    const strictOther = new TrustStore({ roots: [otherCa.rootCertificatePem], requireCrlFor: "known-issuers" });
    const foreign = await issueTestCertificate({ ca: otherCa });
    expect((await strictOther.validate({ leafPem: foreign.certificatePem, chainPem: otherCa.chainPem, at })).ok).toBe(
      true,
    );
  });
});
