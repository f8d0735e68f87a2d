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
 * Only `listKeys` and `signChallenge` are reachable over HTTP; key generation, certificate import and
 * deletion serve the key-update flow and test provisioning.
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
  close(): Promise<void>;
}
