/**
 * Certificates and CRLs share one envelope: SEQUENCE { tbs, signatureAlgorithm, signatureValue BIT STRING }.
 * This reads it and checks its signature with node:crypto, synchronously and without a full ASN.1 parse.
 */
import { verify as cryptoVerify, type KeyObject } from "node:crypto";
import { childrenOf, contentOf, decodeOid, expectTlv, TAG, type Tlv } from "./der";
import { PkiError } from "./errors";

export interface SignedStructure {
  der: Uint8Array;
  tbs: Uint8Array;
  /** The tbs TLV, to walk its fields. */
  tbsTlv: Tlv;
  signatureOid: string;
  signature: Uint8Array;
}

/** Signature algorithms accepted on certificates and CRLs (SHA-1 and RSA-PSS are not). */
const SIGNATURE_OIDS: Record<string, { hash: string; keyType: "ec" | "rsa" }> = {
  "1.2.840.10045.4.3.2": { hash: "sha256", keyType: "ec" },
  "1.2.840.10045.4.3.3": { hash: "sha384", keyType: "ec" },
  "1.2.840.10045.4.3.4": { hash: "sha512", keyType: "ec" },
  "1.2.840.113549.1.1.11": { hash: "sha256", keyType: "rsa" },
  "1.2.840.113549.1.1.12": { hash: "sha384", keyType: "rsa" },
  "1.2.840.113549.1.1.13": { hash: "sha512", keyType: "rsa" },
};

export function readSignedStructure(der: Uint8Array): SignedStructure {
  const outer = expectTlv(der, 0, TAG.sequence);
  if (outer.end !== der.length) throw new PkiError("malformed", "DER: trailing bytes");
  const parts = childrenOf(der, outer);
  const [tbsTlv, algTlv, sigTlv] = parts;
  if (parts.length !== 3 || tbsTlv?.tag !== TAG.sequence || algTlv?.tag !== TAG.sequence) {
    throw new PkiError("malformed", "DER: not a signed structure");
  }
  if (sigTlv?.tag !== TAG.bitString) throw new PkiError("malformed", "DER: signature is not a BIT STRING");
  const oidTlv = expectTlv(der, algTlv.valueStart, TAG.oid, algTlv.end);
  const bits = contentOf(der, sigTlv);
  if (bits[0] !== 0) throw new PkiError("malformed", "DER: signature has unused bits");
  return {
    der,
    tbs: der.subarray(tbsTlv.start, tbsTlv.end),
    tbsTlv,
    signatureOid: decodeOid(contentOf(der, oidTlv)),
    signature: bits.subarray(1),
  };
}

/** True when `issuerKey` made the signature; false (never a throw) for any mismatch or garbage. */
export function verifySignedStructure(signed: SignedStructure, issuerKey: KeyObject): boolean {
  const algorithm = SIGNATURE_OIDS[signed.signatureOid];
  if (!algorithm || issuerKey.asymmetricKeyType !== algorithm.keyType) return false;
  try {
    return cryptoVerify(algorithm.hash, signed.tbs, issuerKey, signed.signature);
  } catch {
    return false;
  }
}
