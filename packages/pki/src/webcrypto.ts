/**
 * WebCrypto types under their usual names. The Node-only typecheck has no DOM lib, so the global names
 * (CryptoKey, EcdsaParams, …) do not exist there; node:crypto's `webcrypto` namespace has the same types.
 */
import type { webcrypto } from "node:crypto";

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
export type Algorithm = webcrypto.Algorithm;
export type EcdsaParams = webcrypto.EcdsaParams;
export type EcKeyGenParams = webcrypto.EcKeyGenParams;
export type EcKeyImportParams = webcrypto.EcKeyImportParams;
export type EcKeyAlgorithm = webcrypto.EcKeyAlgorithm;
export type RsaHashedKeyGenParams = webcrypto.RsaHashedKeyGenParams;
export type RsaHashedImportParams = webcrypto.RsaHashedImportParams;
export type RsaHashedKeyAlgorithm = webcrypto.RsaHashedKeyAlgorithm;
