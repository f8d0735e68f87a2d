import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import { parseCertificatePem } from "../certificate";
import { createCsr, parseCsr } from "../csr";
import { generateKeyPair } from "../keys";
import { x509 } from "../provider";
import { readSignedStructure } from "../signed-der";
import { TEST_PERSONAL_PROFILE } from "../testing";
import type { CryptoKey } from "../webcrypto";
import { BuiltinCa } from "./builtin-ca";
import { createBuiltinCa } from "./create";
import { defaultLeafKeyUsages, type KeyUsageName, keyUsageFlags } from "./leaf-extensions";

/**
 * The built-in CA encodes its certificates itself (builtin-ca.ts `sign`, leaf-extensions.ts). These tests hold
 * every kind it issues against what @peculiar/x509's generator builds from the same facts with its extension
 * objects — the way certificates were issued before — byte for byte up to the signature, so that no extension
 * (order, criticality, content) can drift or go missing unnoticed.
 */
describe("certificates of the built-in CA, against @peculiar/x509's generator", async () => {
  const encryptionKey = "correct horse battery staple";
  const created = new Date("2025-01-01T00:00:00Z");
  const [withCrl, withoutCrl] = await Promise.all(
    ["http://127.0.0.1:3000/crl/builtin.crl", undefined].map(async (crlUrl) =>
      BuiltinCa.load(
        await createBuiltinCa({ name: "辽宁 CA 互联互通演示", encryptionKey, now: created, crlUrl }),
        encryptionKey,
      ),
    ),
  );
  if (!withCrl || !withoutCrl) throw new Error("no CA");
  const notBefore = new Date("2025-03-04T05:06:07.890Z");
  const notAfter = new Date("2026-03-04T05:06:07Z");

  /** The issued certificate's TBS against the generator's for the same serial, dates, subject and key. */
  async function expectAsGenerated(
    ca: BuiltinCa,
    pem: string,
    options: { keyUsages: KeyUsageName[]; extendedKeyUsages?: string[]; hostNames?: string[] },
  ): Promise<x509.X509Certificate> {
    const issued = parseCertificatePem(pem);
    const issuing = parseCertificatePem(ca.issuingCertificatePem);
    const authorityKeyId = issuing.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId ?? "";
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(keyUsageFlags(options.keyUsages), true),
      new x509.ExtendedKeyUsageExtension(options.extendedKeyUsages ?? [x509.ExtendedKeyUsage.clientAuth]),
      await x509.SubjectKeyIdentifierExtension.create(issued.publicKey),
      new x509.AuthorityKeyIdentifierExtension(authorityKeyId),
    ];
    if (options.hostNames?.length) {
      extensions.push(
        new x509.SubjectAlternativeNameExtension(
          options.hostNames.map((name) => ({ type: isIP(name) ? "ip" : "dns", value: name })),
        ),
      );
    }
    if (ca.state.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([ca.state.crlUrl]));
    const reference = await x509.X509CertificateGenerator.create({
      serialNumber: issued.serialNumber,
      subject: issued.subjectName,
      issuer: issuing.subjectName,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
      publicKey: issued.publicKey,
      signingKey: (await generateKeyPair("EC-P256")).privateKey,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
      extensions,
    });
    const tbs = (cert: x509.X509Certificate) =>
      Buffer.from(readSignedStructure(new Uint8Array(cert.rawData)).tbs).toString("hex");
    expect(tbs(issued)).toBe(tbs(reference));
    const issuingKey = new X509Certificate(ca.issuingCertificatePem).publicKey;
    expect(new X509Certificate(pem).verify(issuingKey)).toBe(true);
    expect(pem).toBe(issued.toString("pem"));
    return issued;
  }

  const keyOf = async (alg: "EC-P256" | "RSA-2048"): Promise<CryptoKey> => (await generateKeyPair(alg)).publicKey;

  it("a renewal from a CSR (EC P-256), its subject and key kept byte for byte", async () => {
    const keys = await generateKeyPair("EC-P256");
    const csrPem = await createCsr({ keys, algorithm: "EC-P256", profile: TEST_PERSONAL_PROFILE });
    for (const csr of [csrPem, parseCsr(csrPem)]) {
      const { certificatePem } = await withCrl.issueFromCsr({ csr, notBefore, notAfter });
      const issued = await expectAsGenerated(withCrl, certificatePem, { keyUsages: defaultLeafKeyUsages("EC-P256") });
      expect(Buffer.from(issued.subjectName.toArrayBuffer())).toEqual(Buffer.from(parseCsr(csrPem).subjectDer));
    }
  });

  it("an RSA key, chosen key usages, a caller's serial of odd length, a CA without CRL", async () => {
    for (const ca of [withCrl, withoutCrl]) {
      const keyUsages: KeyUsageName[] = ["keyEncipherment", "decipherOnly"];
      const { certificatePem, serialNumber } = await ca.issue({
        profile: TEST_PERSONAL_PROFILE,
        publicKey: await keyOf("RSA-2048"),
        notBefore,
        notAfter,
        serialNumber: "0fedcba",
        keyUsages,
      });
      expect(serialNumber).toBe("fedcba");
      await expectAsGenerated(ca, certificatePem, { keyUsages });
    }
  });

  it("service certificates: TLS server names (DNS, IPv4, IPv6) and the registration authority", async () => {
    const hostNames = ["localhost", "est.example.cn", "127.0.0.1", "::1", "fe80::1:2:3", "2001:db8::8a2e:370:7334"];
    const tls = await withCrl.issueServiceCertificate({
      purpose: "tls_server",
      commonName: "EST",
      publicKey: await keyOf("EC-P256"),
      notBefore,
      notAfter,
      hostNames,
    });
    await expectAsGenerated(withCrl, tls.certificatePem, {
      keyUsages: ["digitalSignature"],
      extendedKeyUsages: [x509.ExtendedKeyUsage.serverAuth],
      hostNames,
    });
    const ra = await withCrl.issueServiceCertificate({
      purpose: "registration_authority",
      commonName: "RA",
      publicKey: await keyOf("RSA-2048"),
      notBefore,
      notAfter,
    });
    await expectAsGenerated(withCrl, ra.certificatePem, {
      keyUsages: ["digitalSignature", "keyEncipherment"],
      extendedKeyUsages: [x509.ExtendedKeyUsage.clientAuth, "1.3.6.1.5.5.7.3.28"],
    });
  });

  it("GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5)", async () => {
    const { certificatePem } = await withCrl.issue({
      profile: TEST_PERSONAL_PROFILE,
      publicKey: await keyOf("EC-P256"),
      notBefore: new Date("2049-12-31T23:59:59Z"),
      notAfter: new Date("2050-01-01T00:00:00Z"),
    });
    const issued = await expectAsGenerated(withCrl, certificatePem, { keyUsages: defaultLeafKeyUsages("EC-P256") });
    expect(issued.notAfter.toISOString()).toBe("2050-01-01T00:00:00.000Z");
  });
});
