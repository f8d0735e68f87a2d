import "reflect-metadata";
import { type KeyObject, X509Certificate as NodeCertificate } from "node:crypto";
import type { KeybridgeCertificate, SignatureAlgorithm } from "@lnca/contracts";
import { parseChallenge } from "@lnca/pki";
import * as x509 from "@peculiar/x509";
import { challengeRefusal } from "../challenge-check";
import type { KeyAlgorithm } from "./backend";

/** The two key types a login key may hold; null for anything else (the key is then not offered). */
export function keyAlgorithmOf(publicKey: KeyObject): KeyAlgorithm | null {
  const details = publicKey.asymmetricKeyDetails;
  if (publicKey.asymmetricKeyType === "ec" && details?.namedCurve === "prime256v1") return "EC-P256";
  if (publicKey.asymmetricKeyType === "rsa" && details?.modulusLength === 2048) return "RSA-2048";
  return null;
}

export function signatureAlgorithmFor(algorithm: KeyAlgorithm): SignatureAlgorithm {
  return algorithm === "EC-P256" ? "ecdsa-sha256" : "rsa-pkcs1-sha256";
}

/** The list entry for one certificate; null when its key type is not one a login can use. */
export function describeCertificate(certId: string, pem: string): KeybridgeCertificate | null {
  const keyAlgorithm = keyAlgorithmOf(new NodeCertificate(pem).publicKey);
  if (!keyAlgorithm) return null;
  // @peculiar/x509 renders Chinese names as text (Node's own subject string escapes them).
  const certificate = new x509.X509Certificate(pem);
  return {
    certId,
    pem: certificate.toString("pem"),
    subject: certificate.subject,
    commonName: certificate.subjectName.getField("CN")[0] ?? certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    keyAlgorithm,
  };
}

export function derToPem(der: Buffer): string {
  return new x509.X509Certificate(der).toString("pem");
}

/** Defence in depth below the HTTP checks: a backend refuses any text that is not a login challenge. */
export function assertChallengeText(text: string): void {
  try {
    parseChallenge(text);
  } catch (error) {
    throw challengeRefusal(error);
  }
}

/** PKCS#11 CKM_ECDSA returns r‖s; X.509 and the server expect the DER SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Buffer): Buffer {
  if (raw.length % 2 !== 0) throw new Error("ECDSA signature: odd length");
  const half = raw.length / 2;
  const integer = (bytes: Buffer) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let value = bytes.subarray(start);
    if ((value[0] ?? 0) & 0x80) value = Buffer.concat([Buffer.from([0]), value]);
    return Buffer.concat([Buffer.from([0x02, value.length]), value]);
  };
  const body = Buffer.concat([integer(raw.subarray(0, half)), integer(raw.subarray(half))]);
  // P-256 signatures stay under 128 bytes, so the short length form is enough.
  if (body.length > 127) throw new Error("ECDSA signature: too long");
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}
