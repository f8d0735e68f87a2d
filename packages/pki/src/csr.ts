/**
 * PKCS#10 requests. Today the key pair is a WebCrypto one; a key that lives on a USB token can sign through a
 * WebCrypto-shaped provider (Pkcs10CertificateRequestGenerator takes a `crypto` argument), so the request
 * format and parseCsr stay the same when the keybridge builds CSRs on the token.
 */
import { createPublicKey } from "node:crypto";
import { type KeyAlgorithm, keyAlgorithmOfKeyObject, keyAlgorithms } from "./algorithms";
import { readName } from "./cert-facts";
import { childrenOf } from "./der";
import { PkiError } from "./errors";
import { formatName, type NameAttribute } from "./names";
import { pemToDer } from "./pem";
import { x509 } from "./provider";
import { readSignedStructure, verifySignedStructure } from "./signed-der";
import { buildSubject, type CertificateProfile } from "./subject";
import type { CryptoKeyPair } from "./webcrypto";

export type CreateCsrInput = { keys: CryptoKeyPair; algorithm: KeyAlgorithm } & (
  | { profile: CertificateProfile; subject?: never }
  | { subject: x509.Name; profile?: never }
);

/** A CSR (PEM "CERTIFICATE REQUEST") for the profile's or the given subject, signed by `keys.privateKey`. */
export async function createCsr(input: CreateCsrInput): Promise<string> {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: input.profile ? buildSubject(input.profile) : input.subject,
    keys: input.keys,
    signingAlgorithm: keyAlgorithms[input.algorithm].signing,
  });
  return csr.toString("pem");
}

export interface ParsedCsr {
  subject: string;
  subjectAttributes: NameAttribute[];
  /** The subject exactly as encoded in the request (issuance keeps it byte for byte). */
  subjectName: x509.Name;
  publicKey: x509.PublicKey;
  keyAlgorithm: KeyAlgorithm;
  /** Whether the request is signed by the key it carries (proof of possession). */
  signatureValid: boolean;
}

/** Throws PkiError("malformed") on garbage, ("unsupported_algorithm") for keys other than EC-P256/RSA-2048. */
export function parseCsr(pem: string): ParsedCsr {
  const signed = readSignedStructure(pemToDer(pem, "CERTIFICATE REQUEST"));
  const [version, subject, spki] = childrenOf(signed.der, signed.tbsTlv);
  if (version?.tag !== 0x02 || subject?.tag !== 0x30 || spki?.tag !== 0x30) {
    throw new PkiError("malformed", "not a PKCS#10 request");
  }
  const spkiDer = signed.der.subarray(spki.start, spki.end);
  const key = createPublicKey({ key: Buffer.from(spkiDer), format: "der", type: "spki" });
  const subjectAttributes = readName(signed.der, subject);
  return {
    subject: formatName(subjectAttributes),
    subjectAttributes,
    subjectName: new x509.Name(signed.der.slice(subject.start, subject.end)),
    publicKey: new x509.PublicKey(spkiDer.slice()),
    keyAlgorithm: keyAlgorithmOfKeyObject(key),
    signatureValid: verifySignedStructure(signed, key),
  };
}
