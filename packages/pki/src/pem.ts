import { PkiError } from "./errors";

/** Decodes the first PEM block with this label ("CERTIFICATE", "X509 CRL", …) to DER bytes. */
export function pemToDer(pem: string, label: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  if (!match) throw new PkiError("malformed", `not a PEM ${label}`);
  const der = Buffer.from(match[1]!.replace(/\s+/g, ""), "base64");
  if (der.length === 0) throw new PkiError("malformed", `empty PEM ${label}`);
  return new Uint8Array(der.buffer, der.byteOffset, der.length);
}

export function derToPem(der: Uint8Array | ArrayBuffer, label: string): string {
  const base64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
