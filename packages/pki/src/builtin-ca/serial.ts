import { randomBytes } from "node:crypto";
import { PkiError } from "../errors";

/**
 * A random positive 16-byte serial (RFC 5280 allows up to 20). The first byte is kept in 0x10–0x7f so the
 * number is positive without a sign byte and its hex form is always 32 digits with no leading zero.
 */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x10 + (bytes[0]! % 0x70);
  return bytes.toString("hex");
}

/** A caller-chosen serial: positive hex, normalised like describeCertificate (lowercase, no leading zeros). */
export function normaliseSerialNumber(hex: string): string {
  if (!/^[0-9a-fA-F]{1,40}$/.test(hex)) throw new PkiError("malformed", "serial number must be 1–40 hex digits");
  const normalised = hex.toLowerCase().replace(/^0+/, "");
  if (normalised === "") throw new PkiError("malformed", "serial number must be positive");
  // A leading digit ≥ 8 would read as negative in DER; @peculiar/x509 adds the 00 sign byte itself.
  return normalised;
}
