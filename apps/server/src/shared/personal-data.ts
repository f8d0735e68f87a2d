import { createHmac } from "node:crypto";
import { deriveWrappingKey, type KeyEncryption, openBytes, sealBytes } from "@lnca/pki";

/**
 * Sensitive personal information at rest (PIPL: resident ID numbers, ID-card scans): sealed with AES-256-GCM
 * (the built-in CA's sealing, packages/pki key-envelope.ts) under a key derived from SECRET_KEY with scrypt.
 * What must stay unique or be looked up (one account per ID number) is found by a keyed hash, never by the
 * plain value: the database alone tells neither the number nor whether a guessed one is there.
 */
export class PersonalDataVault {
  private constructor(
    private readonly sealingKey: Buffer,
    private readonly lookupKey: Buffer,
  ) {}

  /** Derives the keys once per process (scrypt, ~0.1 s). */
  static async fromSecret(secretKey: string): Promise<PersonalDataVault> {
    // A salt of its own, fixed: every process sharing SECRET_KEY derives the same key, and no other.
    const params: KeyEncryption = { ...SCRYPT, salt: Buffer.from("lnca/personal-data/v1").toString("base64") };
    const sealingKey = await deriveWrappingKey(secretKey, params);
    const lookupKey = createHmac("sha256", secretKey).update("lnca/personal-data-lookup/v1").digest();
    return new PersonalDataVault(sealingKey, lookupKey);
  }

  /** Text sealed for a column, as base64url; `label` names the column, so a value cannot be moved to another. */
  sealText(text: string, label: string): string {
    return sealBytes(Buffer.from(text, "utf8"), this.sealingKey, label).toString("base64url");
  }

  openText(sealed: string, label: string): string {
    return openBytes(Buffer.from(sealed, "base64url"), this.sealingKey, label).toString("utf8");
  }

  sealBytes(bytes: Uint8Array, label: string): Buffer {
    return sealBytes(bytes, this.sealingKey, label);
  }

  openBytes(sealed: Uint8Array, label: string): Buffer {
    return openBytes(sealed, this.sealingKey, label);
  }

  /** The keyed hash a value is looked up and kept unique by (HMAC-SHA256, hex). */
  lookupHash(kind: string, value: string): string {
    return createHmac("sha256", this.lookupKey).update(`${kind}:${value}`).digest("hex");
  }

  /** A resident ID number as `users` keeps it: the hash it is unique by, and the sealed number. */
  protectIdNumber(idNumber: string): ProtectedIdNumber {
    return { hash: this.lookupHash("id_number", idNumber), sealed: this.sealText(idNumber, ID_NUMBER_LABEL) };
  }

  openIdNumber(sealed: string): string {
    return this.openText(sealed, ID_NUMBER_LABEL);
  }
}

export interface ProtectedIdNumber {
  hash: string;
  sealed: string;
}

const ID_NUMBER_LABEL = "users.id_number";
const SCRYPT = { scheme: "scrypt-aes-256-gcm", N: 2 ** 15, r: 8, p: 1 } as const;
