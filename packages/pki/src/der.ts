/**
 * A minimal strict DER reader and the few encoders this package needs.
 *
 * Why not @peculiar/asn1-schema everywhere: parsing one certificate with it costs ~0.3–0.8 ms, ten times an
 * ECDSA verification, and logins parse a certificate every time. This reader only slices bytes; every value it
 * yields is either covered by a signature checked with node:crypto or used as a lookup key.
 */
import { PkiError } from "./errors";

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  valueStart: number;
  /** Offset just past the content. */
  end: number;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

function fail(what: string): never {
  throw new PkiError("malformed", `DER: ${what}`);
}

/** Reads one TLV at `offset`, refusing indefinite or non-minimal lengths and anything past `limit`. */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) fail("truncated header");
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) fail("multi-byte tags are not used in X.509");
  let length = buf[offset + 1]!;
  let valueStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) fail("unsupported length");
    if (valueStart + count > limit) fail("truncated length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[valueStart + i]!;
    if (length < 0x80 || buf[valueStart] === 0) fail("non-minimal length");
    valueStart += count;
  }
  const end = valueStart + length;
  if (end > limit) fail("truncated value");
  return { tag, start: offset, valueStart, end };
}

/** Reads a TLV that must have the given tag. */
export function expectTlv(buf: Uint8Array, offset: number, tag: number, limit = buf.length): Tlv {
  const tlv = readTlv(buf, offset, limit);
  if (tlv.tag !== tag) fail(`expected tag 0x${tag.toString(16)}, got 0x${tlv.tag.toString(16)}`);
  return tlv;
}

/** The TLVs directly inside a constructed value. */
export function childrenOf(buf: Uint8Array, parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  let offset = parent.valueStart;
  while (offset < parent.end) {
    const child = readTlv(buf, offset, parent.end);
    items.push(child);
    offset = child.end;
  }
  return items;
}

export function contentOf(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.valueStart, tlv.end);
}

export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) fail("empty OID");
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join(".");
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ), the only forms RFC 5280 allows. */
export function decodeTime(buf: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(contentOf(buf, tlv)).toString("latin1");
  const utc = tlv.tag === TAG.utcTime ? /^(\d{2})(\d{10})Z$/.exec(text) : null;
  if (utc) return parseDigits(`${Number(utc[1]) >= 50 ? 19 : 20}${utc[1]}${utc[2]}`);
  const generalized = tlv.tag === TAG.generalizedTime ? /^(\d{14})Z$/.exec(text) : null;
  if (generalized) return parseDigits(generalized[1]!);
  return fail("bad time");
}

function parseDigits(d: string): Date {
  const n = (from: number, len: number) => Number(d.slice(from, from + len));
  const date = new Date(Date.UTC(n(0, 4), n(4, 2) - 1, n(6, 2), n(8, 2), n(10, 2), n(12, 2)));
  if (Number.isNaN(date.getTime())) fail("bad time");
  return date;
}

/** Lowercase hex of an INTEGER's content with leading zero bytes/nibbles dropped ("0" for zero). */
export function integerToHex(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString("hex").replace(/^0+/, "");
  return hex === "" ? "0" : hex;
}

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function encodeTlv(tag: number, content: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([Uint8Array.of(tag), encodeLength(content.length), content]));
}

/** A non-negative INTEGER from big-endian magnitude bytes (minimal, with a 0x00 sign byte when needed). */
export function encodeUnsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  let body = magnitude.subarray(start);
  if (body.length === 0) body = Uint8Array.of(0);
  if (body[0]! & 0x80) body = Buffer.concat([Uint8Array.of(0), body]);
  return encodeTlv(TAG.integer, body);
}
