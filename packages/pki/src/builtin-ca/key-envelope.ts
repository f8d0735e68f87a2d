/**
 * CA private keys at rest: PKCS#8 DER sealed with AES-256-GCM under a key derived from the operator's
 * encryption key with scrypt. GCM authenticates, so a wrong encryption key or a tampered state is detected
 * instead of yielding a garbage key; the key's label ("root", "issuing") is bound as additional data so the
 * two sealed keys cannot be swapped.
 */
import { createCipheriv, createDecipheriv, randomBytes, type ScryptOptions, scrypt } from "node:crypto";
import { PkiError } from "../errors";

export interface KeyEncryption {
  scheme: "scrypt-aes-256-gcm";
  /** Base64. */
  salt: string;
  N: number;
  r: number;
  p: number;
}

export interface SealedPrivateKey {
  /** Base64 fields. */
  iv: string;
  tag: string;
  ciphertext: string;
}

/** 2^15 × 8 × 128 B = 32 MiB of memory and ~0.1 s per derivation: once per CA load, not per request. */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 };

export function newKeyEncryption(): KeyEncryption {
  return { scheme: "scrypt-aes-256-gcm", salt: randomBytes(16).toString("base64"), ...DEFAULT_COST };
}

export function deriveWrappingKey(encryptionKey: string, params: KeyEncryption): Promise<Buffer> {
  if (params.scheme !== "scrypt-aes-256-gcm") throw new PkiError("ca_state_invalid", "unknown key encryption");
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(encryptionKey, Buffer.from(params.salt, "base64"), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export function sealPrivateKey(pkcs8: Uint8Array, wrappingKey: Buffer, label: string): SealedPrivateKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", wrappingKey, iv).setAAD(Buffer.from(label));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return {
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    ciphertext: ciphertext.toString("base64"),
  };
}

export function openPrivateKey(sealed: SealedPrivateKey, wrappingKey: Buffer, label: string): Buffer {
  try {
    const decipher = createDecipheriv("aes-256-gcm", wrappingKey, Buffer.from(sealed.iv, "base64"))
      .setAAD(Buffer.from(label))
      .setAuthTag(Buffer.from(sealed.tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]);
  } catch (error) {
    throw new PkiError("ca_key_decrypt_failed", `cannot decrypt the ${label} CA key: wrong encryption key?`, {
      cause: error,
    });
  }
}
