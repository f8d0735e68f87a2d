/**
 * Signatures over arbitrary data (the login challenge, a key update's proof): checked with node:crypto, several
 * times faster than WebCrypto for one-shot verifications, in its callback form so that the check runs on the
 * thread pool while the event loop goes on (another core verifies while this one serves a query); ECDSA
 * signatures are DER (X9.62).
 */
import { sign as cryptoSign, verify as cryptoVerify, KeyObject } from "node:crypto";
import { type KeyAlgorithm, keyAlgorithms, type SignatureAlgorithm, signatureAlgorithms } from "./algorithms";
import { type CertificateFacts, publicKeyObjectOf } from "./cert-facts";
import { type CertificateInput, certificateFacts } from "./certificate";
import { childrenOf, contentOf, encodeTlv, encodeUnsignedInteger, expectTlv, TAG } from "./der";
import { PkiError } from "./errors";
import type { CryptoKey } from "./webcrypto";

export interface VerifySignatureInput {
  /** The signer's certificate; pass the parsed object or facts when verifying often (the key is cached). */
  certificate: CertificateInput | CertificateFacts;
  data: Uint8Array;
  signature: Uint8Array;
  algorithm: SignatureAlgorithm;
}

/**
 * True iff `signature` over `data` verifies with the certificate's key under `algorithm`. An algorithm that
 * does not fit the key or an undecodable signature gives false; a certificate that cannot be read throws
 * PkiError("malformed") (validate it first).
 */
export async function verifySignature(input: VerifySignatureInput): Promise<boolean> {
  const facts =
    typeof input.certificate !== "string" && "fingerprint" in input.certificate
      ? input.certificate
      : certificateFacts(input.certificate);
  const key = publicKeyObjectOf(facts);
  const spec = signatureAlgorithms[input.algorithm];
  if (!spec || key.asymmetricKeyType !== spec.keyType) return false;
  return new Promise((resolve) => {
    try {
      cryptoVerify(spec.hash, input.data, key, input.signature, (error, valid) => resolve(!error && valid));
    } catch {
      resolve(false);
    }
  });
}

/** Signs like a USB key does for login: SHA-256, and DER for ECDSA. Never log the key. */
export async function signData(privateKey: CryptoKey, alg: KeyAlgorithm, data: Uint8Array): Promise<Uint8Array> {
  const spec = signatureAlgorithms[keyAlgorithms[alg].signatureAlgorithm];
  return new Uint8Array(cryptoSign(spec.hash, data, KeyObject.from(privateKey)));
}

/** r‖s (as PKCS#11 CKM_ECDSA returns it) to DER SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new PkiError("malformed", "raw ECDSA signature length is odd");
  const half = raw.length / 2;
  const body = Buffer.concat([encodeUnsignedInteger(raw.subarray(0, half)), encodeUnsignedInteger(raw.subarray(half))]);
  return encodeTlv(TAG.sequence, body);
}

/** DER ECDSA signature to r‖s, each left-padded to `size` bytes (32 for P-256). */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  const seq = expectTlv(der, 0, TAG.sequence);
  const parts = childrenOf(der, seq);
  if (seq.end !== der.length || parts.length !== 2 || parts.some((p) => p.tag !== TAG.integer)) {
    throw new PkiError("malformed", "not a DER ECDSA signature");
  }
  const raw = new Uint8Array(size * 2);
  parts.forEach((part, i) => {
    let value = contentOf(der, part);
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > size) throw new PkiError("malformed", "ECDSA integer longer than the curve size");
    raw.set(value, (i + 1) * size - value.length);
  });
  return raw;
}
