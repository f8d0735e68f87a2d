import { keyAlgorithms } from "../algorithms";
import { generateKeyPair } from "../keys";
import { x509 } from "../provider";
import type { CryptoKeyPair } from "../webcrypto";
import {
  deriveWrappingKey,
  type KeyEncryption,
  newKeyEncryption,
  type SealedPrivateKey,
  sealPrivateKey,
} from "./key-envelope";
import { randomSerialNumber } from "./serial";

/** Everything the built-in CA persists; plain JSON, private keys sealed (see key-envelope.ts). */
export interface BuiltinCaState {
  version: 1;
  name: string;
  rootCertificatePem: string;
  issuingCertificatePem: string;
  keyEncryption: KeyEncryption;
  rootPrivateKey: SealedPrivateKey;
  issuingPrivateKey: SealedPrivateKey;
  /** Written into issued certificates' CRL distribution point when set. */
  crlUrl: string | null;
}

export interface CreateBuiltinCaOptions {
  /** E.g. "辽宁 CA 互联互通演示": the root is "<name>根 CA", the issuing CA "<name>签发 CA". */
  name: string;
  /** Secret the private keys are sealed under (from config; never stored with the state). */
  encryptionKey: string;
  now?: Date;
  crlUrl?: string;
}

/** Both CA keys are ECDSA P-256, signing with SHA-256. */
const CA_KEY_ALGORITHM = "EC-P256";
const ROOT_YEARS = 20;
const ISSUING_YEARS = 10;

export async function createBuiltinCa(options: CreateBuiltinCaOptions): Promise<BuiltinCaState> {
  const now = options.now ?? new Date();
  const signingAlgorithm = keyAlgorithms[CA_KEY_ALGORITHM].signing;
  const rootKeys = await generateKeyPair(CA_KEY_ALGORITHM);
  const issuingKeys = await generateKeyPair(CA_KEY_ALGORITHM);
  const caUsages = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
  const rootSki = await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey);

  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: caName(options.name, "根 CA"),
    notBefore: now,
    notAfter: addYears(now, ROOT_YEARS),
    keys: rootKeys,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(caUsages, true),
      rootSki,
    ],
  });
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: caName(options.name, "签发 CA"),
    issuer: root.subjectName,
    notBefore: now,
    notAfter: addYears(now, ISSUING_YEARS),
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(caUsages, true),
      await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey),
      new x509.AuthorityKeyIdentifierExtension(rootSki.keyId),
    ],
  });

  const keyEncryption = newKeyEncryption();
  const wrappingKey = await deriveWrappingKey(options.encryptionKey, keyEncryption);
  return {
    version: 1,
    name: options.name,
    rootCertificatePem: root.toString("pem"),
    issuingCertificatePem: issuing.toString("pem"),
    keyEncryption,
    rootPrivateKey: sealPrivateKey(await pkcs8Of(rootKeys), wrappingKey, "root"),
    issuingPrivateKey: sealPrivateKey(await pkcs8Of(issuingKeys), wrappingKey, "issuing"),
    crlUrl: options.crlUrl ?? null,
  };
}

function caName(name: string, suffix: string): x509.Name {
  return new x509.Name([
    { "2.5.4.6": [{ printableString: "CN" }] },
    { "2.5.4.10": [{ utf8String: name }] },
    { "2.5.4.3": [{ utf8String: `${name}${suffix}` }] },
  ]);
}

async function pkcs8Of(keys: CryptoKeyPair): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey("pkcs8", keys.privateKey));
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}
