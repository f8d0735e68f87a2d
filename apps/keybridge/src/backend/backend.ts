import type { KeybridgeKey, KeybridgeStatus, SignatureAlgorithm } from "@lnca/contracts";

export type KeyAlgorithm = "EC-P256" | "RSA-2048";

export interface SignedChallenge {
  /** DER-encoded for ECDSA, PKCS#1 v1.5 for RSA. */
  signature: Buffer;
  signatureAlgorithm: SignatureAlgorithm;
  certificatePem: string;
  chainPem: string[];
}

/**
 * What the keybridge needs from USB keys. Every method that takes a PIN logs in, does its work and logs
 * out before it returns; nothing keeps the PIN. Errors are `KeybridgeError`s (PIN_INCORRECT with the tries
 * left, PIN_LOCKED, KEY_NOT_FOUND, CERTIFICATE_NOT_FOUND, TOKEN_ERROR).
 *
 * `listKeys` and `signChallenge` serve the login; `withSession` serves the key update (key-update.ts, which
 * decides what is signed); `generateKeyPair`, `importCertificate` and `deleteObjects` serve test provisioning.
 */
export interface KeybridgeBackend {
  readonly kind: KeybridgeStatus["backend"];
  listKeys(): Promise<KeybridgeKey[]>;
  /** Signs a login challenge text (the backend re-checks its format; it never signs anything else). */
  signChallenge(keyId: string, certId: string, pin: string, challenge: string): Promise<SignedChallenge>;
  /** Generates a key pair on the key itself under `id` (hex); returns the public key as SPKI DER. */
  generateKeyPair(
    keyId: string,
    pin: string,
    options: { algorithm: KeyAlgorithm; id: string },
  ): Promise<{ publicKeySpkiDer: Buffer }>;
  /** Stores a certificate for the key pair `id`; its public key must match that key pair. */
  importCertificate(
    keyId: string,
    pin: string,
    options: { id: string; certificateDer: Buffer; label: string; chainPem?: string[] },
  ): Promise<void>;
  /** Deletes every object (certificate, private and public key) stored under `id`. */
  deleteObjects(keyId: string, pin: string, id: string): Promise<void>;
  /**
   * Logs in with the PIN, runs `work` on the key and logs out (one operation at a time per key). A wrong PIN
   * fails before `work` runs, so it changes nothing on the key.
   */
  withSession<T>(keyId: string, pin: string, work: (session: TokenSession) => T | Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What is stored on a key under one id (hex CKA_ID). */
export interface TokenObjects {
  /** The end-entity certificate (DER); CA certificates are never returned here. */
  certificate: Buffer | null;
  publicKeySpkiDer: Buffer | null;
  hasPrivateKey: boolean;
}

/**
 * A logged-in key, for the key update. `sign` signs whatever it is given, so only key-update.ts calls it,
 * with bytes it built itself from checked fields (a CSR's request info, the proof message).
 */
export interface TokenSession {
  objects(id: string): TokenObjects;
  /** A key pair generated on the key itself (the private key never leaves it); returns the SPKI DER. */
  generateKeyPair(id: string, algorithm: KeyAlgorithm, label: string): Buffer;
  /** SHA-256 signature with the private key under `id`: DER for ECDSA, PKCS#1 v1.5 for RSA. */
  sign(id: string, algorithm: KeyAlgorithm, data: Uint8Array): Buffer;
  /** Stores the certificate under `id` (its key pair's id) and any CA certificates of `chainPem` not yet there. */
  storeCertificate(id: string, certificateDer: Buffer, label: string, chainPem: string[]): void;
  /**
   * Deletes what is stored under `id`: the private key first and the certificate last, so that a deletion cut
   * short still leaves the certificate that says what the id held.
   */
  destroy(id: string): void;
}
