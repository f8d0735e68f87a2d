import { describe, expect, it } from "vitest";
import { describeCertificate, parseCertificatePem } from "../certificate";
import { createCsr, parseCsr } from "../csr";
import { PkiError } from "../errors";
import { generateKeyPair } from "../keys";
import { x509 } from "../provider";
import { TEST_PERSONAL_PROFILE } from "../testing";
import { BuiltinCa } from "./builtin-ca";
import { type BuiltinCaState, createBuiltinCa } from "./create";

const encryptionKey = "correct horse battery staple";
const now = new Date("2025-01-01T00:00:00Z");
const year = { notBefore: now, notAfter: new Date("2026-01-01T00:00:00Z") };

describe("built-in CA", async () => {
  const state = await createBuiltinCa({
    name: "辽宁 CA 互联互通演示",
    encryptionKey,
    now,
    crlUrl: "http://127.0.0.1/crl",
  });
  const ca = await BuiltinCa.load(JSON.parse(JSON.stringify(state)) as BuiltinCaState, encryptionKey);

  it("creates a 20-year root and a 10-year issuing CA with path length 0", () => {
    const root = parseCertificatePem(ca.rootCertificatePem);
    const issuing = parseCertificatePem(ca.issuingCertificatePem);
    expect(root.subjectName.getField("CN")).toEqual(["辽宁 CA 互联互通演示根 CA"]);
    expect(root.notAfter.toISOString()).toBe("2045-01-01T00:00:00.000Z");
    expect(issuing.notAfter.toISOString()).toBe("2035-01-01T00:00:00.000Z");
    expect(issuing.issuer).toBe(root.subject);
    const constraints = issuing.getExtension(x509.BasicConstraintsExtension);
    expect(constraints).toMatchObject({ ca: true, pathLength: 0, critical: true });
    expect(ca.chainPem).toEqual([ca.issuingCertificatePem]);
  });

  it("keeps private keys only sealed in the JSON state", () => {
    const json = JSON.stringify(state);
    expect(json).not.toContain("PRIVATE KEY");
    expect(state.keyEncryption.scheme).toBe("scrypt-aes-256-gcm");
  });

  it("refuses a wrong encryption key and a tampered state", async () => {
    await expect(BuiltinCa.load(state, "wrong")).rejects.toMatchObject({ reason: "ca_key_decrypt_failed" });
    const swapped = { ...state, issuingPrivateKey: state.rootPrivateKey };
    await expect(BuiltinCa.load(swapped, encryptionKey)).rejects.toBeInstanceOf(PkiError);
  });

  it("issues login certificates with the leaf extensions", async () => {
    const keys = await generateKeyPair("RSA-2048");
    const issued = await ca.issue({ profile: TEST_PERSONAL_PROFILE, publicKey: keys.publicKey, ...year });
    const cert = parseCertificatePem(issued.certificatePem);
    expect(issued.serialNumber).toMatch(/^[1-7][0-9a-f]{31}$/);
    expect(describeCertificate(cert).serialNumber).toBe(issued.serialNumber);
    expect(cert.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: false, critical: true });
    const usages = cert.getExtension(x509.KeyUsagesExtension)?.usages;
    const F = x509.KeyUsageFlags;
    expect(usages).toBe(F.digitalSignature | F.nonRepudiation | F.keyEncipherment);
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.clientAuth]);
    const issuing = parseCertificatePem(ca.issuingCertificatePem);
    const ski = issuing.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
    expect(cert.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(ski);
    expect(cert.getExtension(x509.SubjectKeyIdentifierExtension)).not.toBeNull();
    expect(cert.getExtension(x509.CRLDistributionPointsExtension)).not.toBeNull();
    expect(cert.issuer).toBe(issuing.subject);
    expect(await cert.verify({ publicKey: issuing.publicKey, signatureOnly: true })).toBe(true);
  });

  it("uses a caller's serial number, normalised", async () => {
    const keys = await generateKeyPair("EC-P256");
    const issued = await ca.issue({
      profile: TEST_PERSONAL_PROFILE,
      publicKey: keys.publicKey,
      serialNumber: "00ABCDEF",
      ...year,
    });
    expect(issued.serialNumber).toBe("abcdef");
    expect(describeCertificate(issued.certificatePem).serialNumber).toBe("abcdef");
  });

  it("issues from a CSR keeping its subject byte for byte", async () => {
    const keys = await generateKeyPair("EC-P256");
    const csrPem = await createCsr({ keys, algorithm: "EC-P256", profile: TEST_PERSONAL_PROFILE });
    const csr = parseCsr(csrPem);
    expect(csr).toMatchObject({ signatureValid: true, keyAlgorithm: "EC-P256" });
    expect(csr.subject).toContain("CN=测试持证人");
    const issued = await ca.issueFromCsr({ csr: csrPem, ...year });
    const cert = parseCertificatePem(issued.certificatePem);
    expect(Buffer.from(cert.subjectName.toArrayBuffer())).toEqual(Buffer.from(csr.subjectName.toArrayBuffer()));
    expect(Buffer.from(cert.publicKey.rawData)).toEqual(Buffer.from(csr.publicKey.rawData));
  });

  it("refuses a CSR whose signature does not match its key", async () => {
    const csrPem = await createCsr({
      keys: await generateKeyPair("EC-P256"),
      algorithm: "EC-P256",
      profile: TEST_PERSONAL_PROFILE,
    });
    const der = Buffer.from(csrPem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    der.writeUInt8(der.readUInt8(der.length - 5) ^ 0x01, der.length - 5); // inside the signature
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----`;
    expect(parseCsr(tampered).signatureValid).toBe(false);
    await expect(ca.issueFromCsr({ csr: tampered, ...year })).rejects.toMatchObject({ reason: "csr_invalid" });
    // A parse cannot be altered to pass as verified, and a copy of one is checked again, not taken on its word.
    expect(Object.isFrozen(parseCsr(tampered))).toBe(true);
    const parsed = { ...parseCsr(csrPem), der: parseCsr(tampered).der };
    await expect(ca.issueFromCsr({ csr: parsed, ...year })).rejects.toMatchObject({ reason: "csr_invalid" });
  });

  it("signs CRLs listing the revoked serials", async () => {
    const pem = await ca.createCrl({
      revoked: [{ serialNumber: "0abc", revokedAt: now, reason: "keyCompromise" }],
      thisUpdate: now,
      nextUpdate: new Date("2025-01-08T00:00:00Z"),
      crlNumber: 7,
    });
    const crl = new x509.X509Crl(pem);
    const issuing = parseCertificatePem(ca.issuingCertificatePem);
    expect(await crl.verify({ publicKey: issuing })).toBe(true);
    expect(crl.issuer).toBe(issuing.subject);
    expect(crl.findRevoked("0abc")?.reason).toBe(x509.X509CrlReason.keyCompromise);
    expect(crl.nextUpdate?.toISOString()).toBe("2025-01-08T00:00:00.000Z");
  });
});
