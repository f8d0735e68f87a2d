import { isIP } from "node:net";
import type { KeyAlgorithm } from "../algorithms";
import { x509 } from "../provider";
import type { CryptoKey } from "../webcrypto";

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

export async function leafExtensions(input: {
  publicKey: CryptoKey | x509.PublicKey;
  keyUsages: readonly KeyUsageName[];
  authorityKeyId: string;
  crlUrl: string | null;
  /** Default: TLS client authentication (CA login). */
  extendedKeyUsages?: string[];
  hostNames?: string[];
}): Promise<x509.Extension[]> {
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(keyUsageFlags(input.keyUsages), true),
    new x509.ExtendedKeyUsageExtension(input.extendedKeyUsages ?? [x509.ExtendedKeyUsage.clientAuth]),
    await x509.SubjectKeyIdentifierExtension.create(input.publicKey),
    new x509.AuthorityKeyIdentifierExtension(input.authorityKeyId),
  ];
  if (input.hostNames?.length) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        input.hostNames.map((name) => ({ type: isIP(name) ? "ip" : "dns", value: name })),
      ),
    );
  }
  if (input.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([input.crlUrl]));
  return extensions;
}
