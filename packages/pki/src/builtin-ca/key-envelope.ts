/**
 * CA private keys at rest: PKCS#8 DER sealed with AES-256-GCM under a key derived from the operator's
 * encryption key with scrypt. GCM authenticates, so a wrong encryption key or a tampered state is detected
 * instead of yielding a garbage key; the key's label ("root", "issuing") is bound as additional data so the
 * two sealed keys cannot be swapped. The server seals personal information with the same functions
 * (apps/server/src/shared/personal-data.ts).
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
const IV_BYTES = 12;
const TAG_BYTES = 16;

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

/**
 * AES-256-GCM under `key`, `label` bound as additional data: iv (12 bytes) ‖ tag (16) ‖ ciphertext. The one
 * sealing of the code base: CA private keys here, personal information at rest in the server.
 */
export function sealBytes(plaintext: Uint8Array, key: Buffer, label: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(label));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Opens what sealBytes made; throws when the key or label differ or a byte was changed (GCM's tag). */
export function openBytes(sealed: Uint8Array, key: Buffer, label: string): Buffer {
  const box = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (box.length < IV_BYTES + TAG_BYTES) throw new PkiError("sealed_data_invalid", "sealed data too short");
  const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, IV_BYTES))
    .setAAD(Buffer.from(label))
    .setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export function sealPrivateKey(pkcs8: Uint8Array, wrappingKey: Buffer, label: string): SealedPrivateKey {
  const box = sealBytes(pkcs8, wrappingKey, label);
  return {
    iv: box.subarray(0, IV_BYTES).toString("base64"),
    tag: box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES).toString("base64"),
    ciphertext: box.subarray(IV_BYTES + TAG_BYTES).toString("base64"),
  };
}

export function openPrivateKey(sealed: SealedPrivateKey, wrappingKey: Buffer, label: string): Buffer {
  try {
    const box = Buffer.concat([sealed.iv, sealed.tag, sealed.ciphertext].map((part) => Buffer.from(part, "base64")));
    return openBytes(box, wrappingKey, label);
  } catch (error) {
    throw new PkiError("ca_key_decrypt_failed", `cannot decrypt the ${label} CA key: wrong encryption key?`, {
      cause: error,
    });
  }
}
