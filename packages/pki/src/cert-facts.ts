/**
 * The facts of a certificate that login and chain checks need, read in microseconds (see der.ts for why).
 * Use parseCertificatePem (@peculiar/x509) when a full object model is wanted.
 */
import { createHash, type KeyObject } from "node:crypto";
import { publicKeyFromSpki } from "./algorithms";
import { childrenOf, contentOf, decodeOid, decodeTime, integerToHex, readTlv, TAG, type Tlv } from "./der";
import { PkiError } from "./errors";
import type { NameAttribute } from "./names";
import { readSignedStructure, type SignedStructure } from "./signed-der";

export interface CertificateFacts extends SignedStructure {
  /** Lowercase hex SHA-256 of the DER. */
  fingerprint: string;
  /** Lowercase hex, leading zeros dropped. */
  serialNumber: string;
  /** Hex of the issuer / subject Name DER: the keys that link a certificate to its issuer. */
  issuerKey: string;
  subjectKey: string;
  issuer: NameAttribute[];
  subject: NameAttribute[];
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  /** Bit i set = KeyUsage bit i (x509.KeyUsageFlags layout); null when the extension is absent. */
  keyUsage: number | null;
  basicConstraints: { ca: boolean; pathLength: number | null } | null;
  subjectKeyId: string | null;
  authorityKeyId: string | null;
  /** Critical extensions this package does not process (a path through them must be refused). */
  unknownCritical: string[];
}

const EXT = {
  keyUsage: "2.5.29.15",
  basicConstraints: "2.5.29.19",
  subjectKeyId: "2.5.29.14",
  authorityKeyId: "2.5.29.35",
} as const;
/** Processed elsewhere or harmless to accept when critical (EKU, SAN, policies, CRL DP). */
const KNOWN_EXTENSIONS = new Set<string>([...Object.values(EXT), "2.5.29.37", "2.5.29.17", "2.5.29.32", "2.5.29.31"]);

export function readCertificateFacts(der: Uint8Array): CertificateFacts {
  const signed = readSignedStructure(der);
  const fields = childrenOf(der, signed.tbsTlv);
  let i = fields[0]?.tag === 0xa0 ? 1 : 0; // optional explicit version
  const take = (tag: number): Tlv => {
    const tlv = fields[i++];
    if (tlv?.tag !== tag) throw new PkiError("malformed", "certificate: unexpected field");
    return tlv;
  };
  const serial = take(TAG.integer);
  take(TAG.sequence); // inner signature algorithm
  const issuer = take(TAG.sequence);
  const validity = childrenOf(der, take(TAG.sequence));
  const subject = take(TAG.sequence);
  const spki = take(TAG.sequence);
  const extensionsField = fields.slice(i).find((tlv) => tlv.tag === 0xa3);
  if (validity.length !== 2) throw new PkiError("malformed", "certificate: bad validity");
  return {
    ...signed,
    fingerprint: createHash("sha256").update(der).digest("hex"),
    serialNumber: integerToHex(contentOf(der, serial)),
    issuerKey: Buffer.from(der.subarray(issuer.start, issuer.end)).toString("hex"),
    subjectKey: Buffer.from(der.subarray(subject.start, subject.end)).toString("hex"),
    issuer: readName(der, issuer),
    subject: readName(der, subject),
    notBefore: decodeTime(der, validity[0]!),
    notAfter: decodeTime(der, validity[1]!),
    spki: der.subarray(spki.start, spki.end),
    ...readExtensions(der, extensionsField),
  };
}

/** Name ::= SEQUENCE OF SET OF { type OID, value DirectoryString }. */
export function readName(der: Uint8Array, name: Tlv): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdn of childrenOf(der, name)) {
    for (const atv of childrenOf(der, rdn)) {
      const [type, value] = childrenOf(der, atv);
      if (type?.tag !== TAG.oid || !value) throw new PkiError("malformed", "name: bad attribute");
      attributes.push([decodeOid(contentOf(der, type)), decodeString(value.tag, contentOf(der, value))]);
    }
  }
  return attributes;
}

function decodeString(tag: number, bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  if (tag === TAG.utf8String) return buf.toString("utf8");
  if (tag === TAG.printableString || tag === TAG.ia5String || tag === 0x14) return buf.toString("latin1");
  if (tag === TAG.bmpString) return buf.swap16().toString("utf16le");
  return `#${buf.toString("hex")}`;
}

type ExtensionFacts = Pick<
  CertificateFacts,
  "keyUsage" | "basicConstraints" | "subjectKeyId" | "authorityKeyId" | "unknownCritical"
>;

function readExtensions(der: Uint8Array, field: Tlv | undefined): ExtensionFacts {
  const facts: ExtensionFacts = {
    keyUsage: null,
    basicConstraints: null,
    subjectKeyId: null,
    authorityKeyId: null,
    unknownCritical: [],
  };
  if (!field) return facts;
  const seen = new Set<string>();
  for (const ext of childrenOf(der, readTlv(der, field.valueStart, field.end))) {
    const parts = childrenOf(der, ext);
    const oid = decodeOid(contentOf(der, parts[0]!));
    const critical = parts.length === 3 && parts[1]?.tag === TAG.boolean && der[parts[1].valueStart] !== 0;
    const octets = parts[parts.length - 1]!;
    if (parts[0]?.tag !== TAG.oid || octets.tag !== TAG.octetString || seen.has(oid)) {
      throw new PkiError("malformed", "certificate: bad extension");
    }
    seen.add(oid);
    if (critical && !KNOWN_EXTENSIONS.has(oid)) facts.unknownCritical.push(oid);
    const inner = readTlv(der, octets.valueStart, octets.end);
    if (oid === EXT.keyUsage) facts.keyUsage = readKeyUsage(contentOf(der, inner));
    if (oid === EXT.subjectKeyId) facts.subjectKeyId = Buffer.from(contentOf(der, inner)).toString("hex");
    if (oid === EXT.authorityKeyId) {
      const keyId = childrenOf(der, inner).find((tlv) => tlv.tag === 0x80);
      facts.authorityKeyId = keyId ? Buffer.from(contentOf(der, keyId)).toString("hex") : null;
    }
    if (oid === EXT.basicConstraints) {
      const items = childrenOf(der, inner);
      const ca = items[0]?.tag === TAG.boolean && der[items[0].valueStart] !== 0;
      const length = items.find((tlv) => tlv.tag === TAG.integer);
      facts.basicConstraints = {
        ca,
        pathLength: length ? Number.parseInt(integerToHex(contentOf(der, length)), 16) : null,
      };
    }
  }
  return facts;
}

function readKeyUsage(bits: Uint8Array): number {
  let flags = 0;
  for (let bit = 0; bit < 9; bit++) {
    const byte = bits[1 + (bit >> 3)] ?? 0; // bits[0] is the unused-bit count
    if (byte & (0x80 >> (bit & 7))) flags |= 1 << bit;
  }
  return flags;
}

const keyObjects = new Map<string, KeyObject>();
const KEY_OBJECT_CACHE_LIMIT = 10_000;

/** The node:crypto public key of a certificate, cached by fingerprint (creating one costs a parse). */
export function publicKeyObjectOf(facts: CertificateFacts): KeyObject {
  let key = keyObjects.get(facts.fingerprint);
  if (!key) {
    key = publicKeyFromSpki(facts.spki);
    if (keyObjects.size >= KEY_OBJECT_CACHE_LIMIT) keyObjects.delete(keyObjects.keys().next().value!);
    keyObjects.set(facts.fingerprint, key);
  }
  return key;
}
