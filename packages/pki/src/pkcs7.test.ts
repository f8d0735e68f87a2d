import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AsnConvert } from "@peculiar/asn1-schema";
import { describe, expect, it } from "vitest";
import { describeCertificate } from "./certificate";
import { generateKeyPair } from "./keys";
import { certsOnlyToDer, parseCertsOnly } from "./pkcs7";
import { x509 } from "./provider";
import { issueTestCertificate, makeTestCa } from "./testing";

const ca = await makeTestCa();

function openssl(args: string[], input: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "p7-")), "in.der");
  writeFileSync(file, input);
  return execFileSync("openssl", [...args, "-in", file], { encoding: "utf8" });
}

describe("certs-only CMS (EST responses)", () => {
  it("round-trips certificates in order, and OpenSSL reads what we write", async () => {
    const leaf = await issueTestCertificate({ ca });
    const pems = [leaf.certificatePem, ca.issuingCertificatePem, ca.rootCertificatePem];
    const der = certsOnlyToDer(pems);

    const back = parseCertsOnly(der);
    expect(back.map((p) => describeCertificate(p).fingerprintSha256)).toEqual(
      pems.map((p) => describeCertificate(p).fingerprintSha256),
    );
    const printed = openssl(["pkcs7", "-inform", "DER", "-print_certs", "-noout"], der);
    expect(printed.match(/^subject=/gm)).toHaveLength(3);
  });

  it("reads a certs-only message made by OpenSSL (crl2pkcs7 -nocrl)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "p7-"));
    const chain = path.join(dir, "chain.pem");
    writeFileSync(chain, `${ca.issuingCertificatePem}\n${ca.rootCertificatePem}\n`);
    const der = execFileSync("openssl", ["crl2pkcs7", "-nocrl", "-certfile", chain, "-outform", "DER"]);
    const back = parseCertsOnly(new Uint8Array(der));
    expect(back.map((p) => describeCertificate(p).subject).sort()).toEqual(
      [ca.issuingCertificatePem, ca.rootCertificatePem].map((p) => describeCertificate(p).subject).sort(),
    );
  });

  it("refuses garbage, a message without certificates and a signed message", async () => {
    expect(() => parseCertsOnly(new Uint8Array([1, 2, 3]))).toThrow(expect.objectContaining({ reason: "malformed" }));
    const empty = new x509.X509Certificates([]).export("raw");
    expect(() => parseCertsOnly(new Uint8Array(empty))).toThrow(expect.objectContaining({ reason: "malformed" }));

    // A SignedData with content is a signed message, not certs-only, even when it carries certificates.
    const { ContentInfo, SignedData, EncapsulatedContent } = await import("@peculiar/asn1-cms");
    const { OctetString } = await import("@peculiar/asn1-schema");
    const info = AsnConvert.parse(certsOnlyToDer([ca.rootCertificatePem]), ContentInfo);
    const signed = AsnConvert.parse(info.content, SignedData);
    signed.encapContentInfo.eContent = new EncapsulatedContent({ single: new OctetString(new Uint8Array([7])) });
    info.content = AsnConvert.serialize(signed);
    expect(() => parseCertsOnly(new Uint8Array(AsnConvert.serialize(info)))).toThrow(/not certs-only/);
  });
});

describe("service certificates of the built-in CA", () => {
  it("issues a TLS server certificate naming its hosts and an RA certificate marked id-kp-cmcRA", async () => {
    const keys = await generateKeyPair("EC-P256");
    const now = new Date();
    const later = new Date(now.getTime() + 86_400_000);
    const server = new x509.X509Certificate(
      (
        await ca.issueServiceCertificate({
          purpose: "tls_server",
          commonName: "est.example",
          publicKey: keys.publicKey,
          notBefore: now,
          notAfter: later,
          hostNames: ["localhost", "127.0.0.1"],
        })
      ).certificatePem,
    );
    const san = server.getExtension(x509.SubjectAlternativeNameExtension);
    expect(san?.names.toJSON()).toEqual([
      { type: "dns", value: "localhost" },
      { type: "ip", value: "127.0.0.1" },
    ]);
    expect(server.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.serverAuth]);

    const ra = new x509.X509Certificate(
      (
        await ca.issueServiceCertificate({
          purpose: "registration_authority",
          commonName: "platform RA",
          publicKey: keys.publicKey,
          notBefore: now,
          notAfter: later,
        })
      ).certificatePem,
    );
    expect(ra.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
      x509.ExtendedKeyUsage.clientAuth,
      "1.3.6.1.5.5.7.3.28",
    ]);
    expect(ra.subject).toContain("CN=platform RA");
  });
});
