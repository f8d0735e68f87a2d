/**
 * The extensions of the certificates the built-in CA issues, encoded straight to DER: through @peculiar/x509's
 * extension objects they cost more than the certificate's signature (each one is built, then serialised by
 * asn1-schema). leaf-extensions.test.ts checks every form against those objects, byte for byte.
 */
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import type { KeyAlgorithm } from "../algorithms";
import { childrenOf, contentOf, encodeTlv, expectTlv, TAG } from "../der";
import { x509 } from "../provider";

export type KeyUsageName = keyof typeof x509.KeyUsageFlags;

/** Login certificates sign (digitalSignature) and sign documents (nonRepudiation); RSA keys also decrypt. */
export function defaultLeafKeyUsages(alg: KeyAlgorithm): KeyUsageName[] {
  return alg === "RSA-2048"
    ? ["digitalSignature", "nonRepudiation", "keyEncipherment"]
    : ["digitalSignature", "nonRepudiation"];
}

export function keyUsageFlags(names: readonly KeyUsageName[]): number {
  return names.reduce((flags, name) => flags | x509.KeyUsageFlags[name], 0);
}

const OID = {
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extendedKeyUsage: "2.5.29.37",
  subjectKeyId: "2.5.29.14",
  authorityKeyId: "2.5.29.35",
  subjectAltName: "2.5.29.17",
  crlDistributionPoints: "2.5.29.31",
} as const;

export interface LeafExtensionsInput {
  /** The certified key's SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  keyUsages: readonly KeyUsageName[];
  /** Hex of the issuing CA's subject key identifier. */
  authorityKeyId: string;
  crlUrl: string | null;
  /** Default: TLS client authentication (CA login). */
  extendedKeyUsages?: readonly string[];
  hostNames?: readonly string[];
}

/**
 * The `extensions` field's content (SEQUENCE OF Extension): basic constraints (critical, not a CA), key usage
 * (critical), extended key usage, subject and authority key identifiers, the service names when given, the CRL
 * distribution point when the CA publishes one — in this order.
 */
export function leafExtensionsDer(input: LeafExtensionsInput): Uint8Array {
  const extensions = [
    extension(OID.basicConstraints, true, sequence()),
    extension(OID.keyUsage, true, keyUsageBits(keyUsageFlags(input.keyUsages))),
    extension(
      OID.extendedKeyUsage,
      false,
      sequence(...(input.extendedKeyUsages ?? [x509.ExtendedKeyUsage.clientAuth]).map(encodeOid)),
    ),
    extension(OID.subjectKeyId, false, encodeTlv(TAG.octetString, subjectKeyId(input.spki))),
    extension(OID.authorityKeyId, false, sequence(encodeTlv(0x80, Buffer.from(input.authorityKeyId, "hex")))),
  ];
  if (input.hostNames?.length) {
    extensions.push(extension(OID.subjectAltName, false, sequence(...input.hostNames.map(generalName))));
  }
  if (input.crlUrl) {
    // DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }
    const uri = encodeTlv(0x86, Buffer.from(input.crlUrl, "utf8"));
    extensions.push(extension(OID.crlDistributionPoints, false, sequence(sequence(tagged(0xa0, tagged(0xa0, uri))))));
  }
  return sequence(...extensions);
}

/** RFC 5280 §4.2.1.2 method (1), as @peculiar/x509 computes it: SHA-1 of the subjectPublicKey BIT STRING's bits. */
function subjectKeyId(spki: Uint8Array): Uint8Array {
  const [, key] = childrenOf(spki, expectTlv(spki, 0, TAG.sequence));
  if (key?.tag !== TAG.bitString) throw new Error("SubjectPublicKeyInfo without a key");
  return createHash("sha1").update(contentOf(spki, key).subarray(1)).digest();
}

/** A named-bit BIT STRING in DER: trailing zero bits dropped, the unused ones counted in the first byte. */
function keyUsageBits(flags: number): Uint8Array {
  if (flags === 0) return Uint8Array.of(TAG.bitString, 1, 0);
  const highest = 31 - Math.clz32(flags);
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (let bit = 0; bit <= highest; bit++) if (flags & (1 << bit)) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return encodeTlv(TAG.bitString, Buffer.concat([Uint8Array.of(7 - (highest & 7)), bytes]));
}

function generalName(name: string): Uint8Array {
  const version = isIP(name);
  if (version === 0) return encodeTlv(0x82, Buffer.from(name, "ascii")); // dNSName [2] IA5String
  return encodeTlv(0x87, version === 4 ? Uint8Array.from(name.split(".").map(Number)) : ipv6Bytes(name));
}

/** An IPv6 address's 16 bytes ("::" expanded; the dotted IPv4 tail form is not used for service names). */
function ipv6Bytes(address: string): Uint8Array {
  if (address.includes(".")) throw new Error(`IPv6 address with an IPv4 tail: ${address}`);
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const [head, tail] = address.split("::");
  const left = groups(head);
  const right = groups(tail);
  const all =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return Uint8Array.from(all.flatMap((group) => [Number.parseInt(group, 16) >> 8, Number.parseInt(group, 16) & 0xff]));
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  const flag = critical ? [Uint8Array.of(TAG.boolean, 1, 0xff)] : [];
  return sequence(encodeOid(oid), ...flag, encodeTlv(TAG.octetString, value));
}

function sequence(...items: Uint8Array[]): Uint8Array {
  return encodeTlv(TAG.sequence, Buffer.concat(items));
}

function tagged(tag: number, ...items: Uint8Array[]): Uint8Array {
  return encodeTlv(tag, Buffer.concat(items));
}

export function encodeOid(oid: string): Uint8Array {
  const [first = 0, second = 0, ...rest] = oid.split(".").map(Number);
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const chunk = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return encodeTlv(TAG.oid, Uint8Array.from(bytes));
}
