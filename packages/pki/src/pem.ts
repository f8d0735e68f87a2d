import { PkiError } from "./errors";

/** Decodes the first PEM block with this label ("CERTIFICATE", …, or one of several) to DER bytes. */
export function pemToDer(pem: string, label: string | string[]): Uint8Array {
  const labels = typeof label === "string" ? [label] : label;
  const match = labels
    .map((l) => new RegExp(`-----BEGIN ${l}-----([A-Za-z0-9+/=\\s]+)-----END ${l}-----`).exec(pem))
    .find((m) => m !== null);
  if (!match) throw new PkiError("malformed", `not a PEM ${labels.join(" / ")}`);
  const der = Buffer.from(match[1]!.replace(/\s+/g, ""), "base64");
  if (der.length === 0) throw new PkiError("malformed", `empty PEM ${label}`);
  return new Uint8Array(der.buffer, der.byteOffset, der.length);
}

export function derToPem(der: Uint8Array | ArrayBuffer, label: string): string {
  const base64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
