/** Reads a CRL into what revocation checks need: who issued it, when it is current, which serials it lists. */
import { childrenOf, contentOf, decodeOid, decodeTime, integerToHex, readTlv, TAG, type Tlv } from "../der";
import { PkiError } from "../errors";
import { pemToDer } from "../pem";
import { readSignedStructure, type SignedStructure } from "../signed-der";

export interface CrlFacts extends SignedStructure {
  /** Hex of the issuer Name DER (matches CertificateFacts.subjectKey of the issuer). */
  issuerKey: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Serial (lowercase hex, no leading zeros) → revocation date. */
  revoked: Map<string, Date>;
  crlNumber: bigint | null;
}

const CRL_NUMBER = "2.5.29.20";
/** CRL extensions that are safe to accept when critical (nothing partitions or redirects the list). */
const UNDERSTOOD = new Set([CRL_NUMBER, "2.5.29.35"]);

export function readCrl(input: string | Uint8Array): CrlFacts {
  const der = typeof input === "string" ? pemToDer(input, ["X509 CRL", "CRL"]) : input;
  const signed = readSignedStructure(der);
  const fields = childrenOf(der, signed.tbsTlv);
  let i = fields[0]?.tag === TAG.integer ? 1 : 0; // optional version
  const take = (): Tlv => {
    const tlv = fields[i++];
    if (!tlv) throw new PkiError("malformed", "CRL: truncated");
    return tlv;
  };
  take(); // signature algorithm
  const issuer = take();
  const thisUpdate = decodeTime(der, take());
  const maybeNext = fields[i];
  const nextUpdate = maybeNext && isTime(maybeNext) ? decodeTime(der, take()) : null;
  const revoked = new Map<string, Date>();
  if (fields[i]?.tag === TAG.sequence) {
    for (const entry of childrenOf(der, take())) {
      const [serial, date, extensions] = childrenOf(der, entry);
      if (serial?.tag !== TAG.integer || !date) throw new PkiError("malformed", "CRL: bad entry");
      // Entry extensions that are critical (e.g. certificateIssuer of indirect CRLs) change meaning: refuse.
      if (extensions && readExtensions(der, extensions).critical.length > 0) {
        throw new PkiError("malformed", "CRL: critical entry extension not supported");
      }
      revoked.set(integerToHex(contentOf(der, serial)), decodeTime(der, date));
    }
  }
  const extensionsField = fields[i]?.tag === 0xa0 ? take() : undefined;
  const extensions = extensionsField
    ? readExtensions(der, readTlv(der, extensionsField.valueStart, extensionsField.end))
    : { critical: [], crlNumber: null };
  if (i !== fields.length || extensions.critical.some((oid) => !UNDERSTOOD.has(oid))) {
    throw new PkiError("malformed", "CRL: unsupported structure or critical extension (delta/partitioned CRL)");
  }
  return {
    ...signed,
    issuerKey: Buffer.from(der.subarray(issuer.start, issuer.end)).toString("hex"),
    thisUpdate,
    nextUpdate,
    revoked,
    crlNumber: extensions.crlNumber,
  };
}

function isTime(tlv: Tlv): boolean {
  return tlv.tag === TAG.utcTime || tlv.tag === TAG.generalizedTime;
}

function readExtensions(der: Uint8Array, list: Tlv): { critical: string[]; crlNumber: bigint | null } {
  const result = { critical: [] as string[], crlNumber: null as bigint | null };
  for (const ext of childrenOf(der, list)) {
    const parts = childrenOf(der, ext);
    const oid = decodeOid(contentOf(der, parts[0]!));
    if (parts.length === 3 && der[parts[1]!.valueStart] !== 0) result.critical.push(oid);
    if (oid === CRL_NUMBER) {
      const octets = parts[parts.length - 1]!;
      const integer = readTlv(der, octets.valueStart, octets.end);
      result.crlNumber = BigInt(`0x${integerToHex(contentOf(der, integer))}`);
    }
  }
  return result;
}
