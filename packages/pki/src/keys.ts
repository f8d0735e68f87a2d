import { type KeyAlgorithm, keyAlgorithms } from "./algorithms";
import { PkiError } from "./errors";
import { derToPem, pemToDer } from "./pem";
import type { CryptoKey, CryptoKeyPair } from "./webcrypto";

const subtle = globalThis.crypto.subtle;

/** A fresh key pair; the private key is extractable so the soft token and the CA can store it encrypted. */
export async function generateKeyPair(alg: KeyAlgorithm): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(keyAlgorithms[alg].generate, true, ["sign", "verify"])) as CryptoKeyPair;
}

/** PKCS#8 PEM ("PRIVATE KEY"), unencrypted: callers encrypt it before it touches a disk. Never log it. */
export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return derToPem(await subtle.exportKey("pkcs8", key), "PRIVATE KEY");
}

export async function importPrivateKeyPem(pem: string, alg: KeyAlgorithm): Promise<CryptoKey> {
  const der = pemToDer(pem, "PRIVATE KEY");
  try {
    return await subtle.importKey("pkcs8", der, keyAlgorithms[alg].importParams, true, ["sign"]);
  } catch (error) {
    throw new PkiError("malformed", `not a ${alg} private key`, { cause: error });
  }
}

export async function exportPublicKeySpkiPem(key: CryptoKey): Promise<string> {
  return derToPem(await subtle.exportKey("spki", key), "PUBLIC KEY");
}

/** Imports an SPKI public key (PEM "PUBLIC KEY" or DER) for verification with WebCrypto. */
export async function importPublicKey(spki: string | Uint8Array, alg: KeyAlgorithm): Promise<CryptoKey> {
  const der = typeof spki === "string" ? pemToDer(spki, "PUBLIC KEY") : spki;
  try {
    return await subtle.importKey("spki", der, keyAlgorithms[alg].importParams, true, ["verify"]);
  } catch (error) {
    throw new PkiError("malformed", `not a ${alg} public key`, { cause: error });
  }
}
