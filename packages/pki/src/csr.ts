/**
 * PKCS#10 requests: `createCsr` for WebCrypto key pairs, `createCsrWithSigner` for keys that never leave a
 * USB token (the keybridge's key update), where this package builds the bytes and the token only signs them.
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import { type KeyAlgorithm, keyAlgorithmOfKeyObject, keyAlgorithms, publicKeyFromSpki } from "./algorithms";
import { readName } from "./cert-facts";
import { childrenOf, encodeTlv, expectTlv, TAG } from "./der";
import { PkiError } from "./errors";
import { formatName, type NameAttribute } from "./names";
import { derToPem, pemToDer } from "./pem";
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

/** AlgorithmIdentifier DER: ecdsa-with-SHA256 (no parameters), sha256WithRSAEncryption (NULL parameters). */
const CSR_SIGNATURE_ALGORITHM: Record<KeyAlgorithm, Uint8Array> = {
  "EC-P256": Buffer.from("300a06082a8648ce3d040302", "hex"),
  "RSA-2048": Buffer.from("300d06092a864886f70d01010b0500", "hex"),
};

export interface CreateCsrWithSignerInput {
  /** The subject Name as DER, kept byte for byte (a renewal repeats the old certificate's subject). */
  subjectDer: Uint8Array;
  /** The requesting key's SubjectPublicKeyInfo DER (EC-P256 or RSA-2048). */
  publicKeySpkiDer: Uint8Array;
  /** Signs the request info with that key: SHA-256, ECDSA as DER (X9.62), RSA as PKCS#1 v1.5. */
  sign(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/**
 * A CSR (PEM) whose CertificationRequestInfo is built here — version 0, the subject, the key, no attributes —
 * and signed by `sign`. Throws PkiError("csr_invalid") when the signature does not verify with the request's
 * own key (the signer used another key), so a broken request never leaves the caller.
 */
export async function createCsrWithSigner(input: CreateCsrWithSignerInput): Promise<string> {
  expectTlv(input.subjectDer, 0, TAG.sequence);
  const key = createPublicKey({ key: Buffer.from(input.publicKeySpkiDer), format: "der", type: "spki" });
  const algorithm = keyAlgorithmOfKeyObject(key);
  const info = encodeTlv(
    TAG.sequence,
    Buffer.concat([Uint8Array.of(TAG.integer, 1, 0), input.subjectDer, input.publicKeySpkiDer, Uint8Array.of(0xa0, 0)]),
  );
  const signature = await input.sign(info);
  const bitString = encodeTlv(TAG.bitString, Buffer.concat([Uint8Array.of(0), signature]));
  const pem = derToPem(
    encodeTlv(TAG.sequence, Buffer.concat([info, CSR_SIGNATURE_ALGORITHM[algorithm], bitString])),
    "CERTIFICATE REQUEST",
  );
  if (!parseCsr(pem).signatureValid) throw new PkiError("csr_invalid", "the CSR signature does not verify");
  return pem;
}

export interface ParsedCsr {
  /** The request's DER, as parsed. */
  der: Uint8Array;
  subject: string;
  subjectAttributes: NameAttribute[];
  /** The subject Name DER exactly as encoded in the request (issuance keeps it byte for byte). */
  subjectDer: Uint8Array;
  /** The requesting key's SubjectPublicKeyInfo DER. */
  spkiDer: Uint8Array;
  /** The requesting key, imported once for every check that needs it. */
  key: KeyObject;
  /** The subject as an object model (built when first asked for: building it costs more than the parse). */
  readonly subjectName: x509.Name;
  /** The key as an object model (built when first asked for). */
  readonly publicKey: x509.PublicKey;
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
  const subjectDer = signed.der.subarray(subject.start, subject.end);
  const key = publicKeyFromSpki(spkiDer);
  const subjectAttributes = readName(signed.der, subject);
  const parsed: ParsedCsr = Object.freeze({
    der: signed.der,
    subject: formatName(subjectAttributes),
    subjectAttributes,
    subjectDer,
    spkiDer,
    key,
    get subjectName() {
      return new x509.Name(subjectDer.slice());
    },
    get publicKey() {
      return new x509.PublicKey(spkiDer.slice());
    },
    keyAlgorithm: keyAlgorithmOfKeyObject(key),
    signatureValid: verifySignedStructure(signed, key),
  });
  if (parsed.signatureValid) verifiedAtParse.add(parsed);
  return parsed;
}

/** The requests parseCsr returned with a valid signature, as it returned them (frozen): verified once, here. */
const verifiedAtParse = new WeakSet<ParsedCsr>();

/**
 * The proof of possession of a request handed over already parsed: what a CA checks before it signs. A request
 * this module parsed and found signed by its own key is not verified a second time; any other object (built or
 * copied elsewhere) is checked, one signature verification.
 */
export function csrSignatureValid(csr: ParsedCsr): boolean {
  return verifiedAtParse.has(csr) || verifySignedStructure(readSignedStructure(csr.der), csr.key);
}
