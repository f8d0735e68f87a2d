/**
 * Test certificates made with @peculiar/x509 (not with packages/pki's CA, which other work is still
 * building): a throw-away software CA issues end-entity certificates for any public key, including keys
 * generated on a token.
 */
import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import { formatChallenge } from "@lnca/pki";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

const EC = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
const RSA = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};

export interface TestCa {
  certificatePem: string;
  /** Issues a one-year certificate for `spkiDer` (the public key), signed by the CA. */
  issue(spkiDer: Buffer, subject: string): Promise<{ certificateDer: Buffer; certificatePem: string }>;
}

export async function createTestCa(name = "CN=LNCA 测试 CA, O=LNCA, C=CN"): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(EC, false, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8)
      .toString("hex")
      .replace(/^[89a-f]/, "1"),
    name,
    notBefore: new Date(Date.now() - 3_600_000),
    notAfter: new Date(Date.now() + 10 * 365 * 86_400_000),
    keys,
    signingAlgorithm: EC,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  return {
    certificatePem: ca.toString("pem"),
    async issue(spkiDer, subject) {
      const algorithm = new x509.PublicKey(spkiDer).algorithm as { name: string };
      const importAlgorithm = algorithm.name === "ECDSA" ? EC : RSA;
      const publicKey = await webcrypto.subtle.importKey("spki", spkiDer, importAlgorithm, true, ["verify"]);
      const certificate = await x509.X509CertificateGenerator.create({
        serialNumber: randomBytes(8)
          .toString("hex")
          .replace(/^[89a-f]/, "1"),
        subject,
        issuer: ca.subject,
        notBefore: new Date(Date.now() - 3_600_000),
        notAfter: new Date(Date.now() + 365 * 86_400_000),
        publicKey,
        signingKey: keys.privateKey,
        signingAlgorithm: EC,
        extensions: [new x509.BasicConstraintsExtension(false, undefined, true)],
      });
      return { certificateDer: Buffer.from(certificate.rawData), certificatePem: certificate.toString("pem") };
    },
  };
}

/** A software key pair as PKCS#8 PEM plus its SPKI, for soft-token files. */
export async function softwareKeyPair(algorithm: "EC-P256" | "RSA-2048") {
  const params = algorithm === "EC-P256" ? EC : RSA;
  const keys = (await webcrypto.subtle.generateKey(params, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  const spkiDer = Buffer.from(await webcrypto.subtle.exportKey("spki", keys.publicKey));
  return { privateKeyPkcs8Pem: x509.PemConverter.encode(pkcs8, "PRIVATE KEY"), spkiDer };
}

/** A login challenge in the real format, for `origin`, valid from `issuedAt` for five minutes. */
export function testChallenge(origin: string, issuedAt = new Date()): string {
  return formatChallenge({
    purpose: "ca-login",
    origin,
    nonce: randomBytes(32).toString("base64url"),
    issuedAt,
    expiresAt: new Date(issuedAt.getTime() + 5 * 60_000),
  });
}
