/**
 * The key and signature algorithms this platform supports, as one table each.
 *
 * Adding SM2 later means one more row per table: Node's WebCrypto cannot do SM2 (see DEPENDENCY-NOTES), so
 * such a row will carry its own signer/verifier instead of WebCrypto params; callers only ever use the names.
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import { PkiError } from "./errors";
import type {
  Algorithm,
  CryptoKey,
  EcdsaParams,
  EcKeyAlgorithm,
  EcKeyGenParams,
  EcKeyImportParams,
  RsaHashedImportParams,
  RsaHashedKeyAlgorithm,
  RsaHashedKeyGenParams,
} from "./webcrypto";

export type KeyAlgorithm = "EC-P256" | "RSA-2048";
/** The names used by the API contracts (`signatureAlgorithmSchema` in @lnca/contracts). */
export type SignatureAlgorithm = "ecdsa-sha256" | "rsa-pkcs1-sha256";

interface KeyAlgorithmSpec {
  generate: EcKeyGenParams | RsaHashedKeyGenParams;
  importParams: EcKeyImportParams | RsaHashedImportParams;
  /** What WebCrypto (and @peculiar/x509's `signingAlgorithm`) signs with. */
  signing: EcdsaParams | Algorithm;
  signatureAlgorithm: SignatureAlgorithm;
  /** How node:crypto describes such a public key, to recognise it in certificates. */
  node: { type: "ec"; namedCurve: string } | { type: "rsa"; modulusLength: number };
}

export const keyAlgorithms: Record<KeyAlgorithm, KeyAlgorithmSpec> = {
  "EC-P256": {
    generate: { name: "ECDSA", namedCurve: "P-256" },
    importParams: { name: "ECDSA", namedCurve: "P-256" },
    signing: { name: "ECDSA", hash: "SHA-256" } as EcdsaParams,
    signatureAlgorithm: "ecdsa-sha256",
    node: { type: "ec", namedCurve: "prime256v1" },
  },
  "RSA-2048": {
    generate: {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    importParams: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    signing: { name: "RSASSA-PKCS1-v1_5" },
    signatureAlgorithm: "rsa-pkcs1-sha256",
    node: { type: "rsa", modulusLength: 2048 },
  },
};

export const signatureAlgorithms: Record<SignatureAlgorithm, { hash: "sha256"; keyType: "ec" | "rsa" }> = {
  "ecdsa-sha256": { hash: "sha256", keyType: "ec" },
  "rsa-pkcs1-sha256": { hash: "sha256", keyType: "rsa" },
};

export const KEY_ALGORITHMS = Object.keys(keyAlgorithms) as KeyAlgorithm[];

/** Which supported algorithm a node:crypto public or private key is; throws for anything else. */
export function keyAlgorithmOfKeyObject(key: KeyObject): KeyAlgorithm {
  const details = key.asymmetricKeyDetails ?? {};
  for (const alg of KEY_ALGORITHMS) {
    const spec = keyAlgorithms[alg].node;
    if (key.asymmetricKeyType !== spec.type) continue;
    if (spec.type === "ec" && details.namedCurve === spec.namedCurve) return alg;
    if (spec.type === "rsa" && details.modulusLength === spec.modulusLength) return alg;
  }
  throw new PkiError("unsupported_algorithm", `unsupported key: ${key.asymmetricKeyType ?? "unknown"}`);
}

/** Which supported algorithm a WebCrypto key is; throws for anything else. */
export function keyAlgorithmOfCryptoKey(key: CryptoKey): KeyAlgorithm {
  const algorithm = key.algorithm as Partial<EcKeyAlgorithm & RsaHashedKeyAlgorithm>;
  if (algorithm.name === "ECDSA" && algorithm.namedCurve === "P-256") return "EC-P256";
  if (algorithm.name === "RSASSA-PKCS1-v1_5" && algorithm.modulusLength === 2048) return "RSA-2048";
  throw new PkiError("unsupported_algorithm", `unsupported key: ${algorithm.name ?? "unknown"}`);
}

/** SubjectPublicKeyInfo of every EC P-256 key up to its uncompressed point's 64 bytes (x ‖ y). */
const P256_SPKI_PREFIX = Buffer.from("3059301306072a8648ce3d020106082a8648ce3d03010703420004", "hex");

/**
 * A node:crypto public key from SubjectPublicKeyInfo DER. An EC P-256 key in its usual form is imported as JWK
 * from its coordinates, which OpenSSL 3 does in about 40 % of the time of decoding the DER (the point is still
 * checked to lie on the curve); any other key goes through the DER decoder. Throws what createPublicKey throws.
 */
export function publicKeyFromSpki(spki: Uint8Array): KeyObject {
  const prefix = P256_SPKI_PREFIX.length;
  if (spki.length === prefix + 64 && P256_SPKI_PREFIX.equals(spki.subarray(0, prefix))) {
    const point = Buffer.from(spki.buffer, spki.byteOffset + prefix, 64);
    const [x, y] = [point.subarray(0, 32), point.subarray(32)].map((c) => c.toString("base64url"));
    return createPublicKey({ key: { kty: "EC", crv: "P-256", x, y }, format: "jwk" });
  }
  return createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
}
