import { z } from "zod";
import { signatureAlgorithmSchema } from "./auth";

/**
 * Key update (J6, 自助年检): the keybridge ⇄ server protocol. The server opens a key update for a paid renewal
 * item and hands out a nonce; the keybridge generates a new key pair ON the token, builds a PKCS#10 request with
 * the old certificate's subject signed by the new key, and signs a proof with the OLD key over a message it
 * builds itself from checked fields (never arbitrary bytes); the server verifies both and has the CA renew; the
 * keybridge imports the renewed certificate next to the new key, the server confirms, and only then does the
 * keybridge delete the old key and certificate.
 */
export const KEY_UPDATE_PROOF_VERSION = "lnca-key-update-v1";

/**
 * The exact bytes the old key signs (UTF-8): the version, the key update's id, the server's nonce and the
 * SHA-256 of the CSR's DER (hex), one per line, with a final newline. Both sides build it with this function.
 */
export function keyUpdateProofMessage(input: { keyUpdateId: string; nonce: string; csrSha256Hex: string }): string {
  return `${KEY_UPDATE_PROOF_VERSION}\n${input.keyUpdateId}\n${input.nonce}\n${input.csrSha256Hex}\n`;
}

const idSchema = z.string().regex(/^[0-9a-f-]{36}$/, "密钥更新编号格式不正确");
/** 32 random bytes, base64url (43 characters). */
export const keyUpdateNonceSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "随机数格式不正确");

// ---- keybridge (127.0.0.1) ----

/** `POST /v1/keys/:keyId/key-updates`: new key pair on the token (or the one already made for this key update), its CSR, the old key's proof. */
export const keybridgeRenewalRequestSchema = z.object({
  /** The certificate being renewed (its certId on this key). */
  certId: z.string().min(1).max(128),
  pin: z.string().min(4).max(32),
  keyUpdateId: idSchema,
  nonce: keyUpdateNonceSchema,
});
export type KeybridgeRenewalRequest = z.infer<typeof keybridgeRenewalRequestSchema>;

export const keyUpdateProofSchema = z.object({
  signature: z.string().min(1).max(2048),
  signatureAlgorithm: signatureAlgorithmSchema,
});
export type KeyUpdateProof = z.infer<typeof keyUpdateProofSchema>;

export const keybridgeRenewalResponseSchema = z.object({
  csrPem: z.string(),
  proof: keyUpdateProofSchema,
  /** The old certificate, as on the token. */
  certificatePem: z.string(),
  /** Whether this call generated the key pair (false: the one made earlier for this key update was reused). */
  generated: z.boolean(),
});
export type KeybridgeRenewalResponse = z.infer<typeof keybridgeRenewalResponseSchema>;

/** `POST /v1/keys/:keyId/key-updates/:keyUpdateId/certificate`: import the renewed certificate next to its key. */
export const keybridgeImportRequestSchema = z.object({
  pin: z.string().min(4).max(32),
  certificatePem: z.string().min(1).max(20_000),
  chainPem: z.array(z.string().max(20_000)).max(5),
});
export type KeybridgeImportRequest = z.infer<typeof keybridgeImportRequestSchema>;
export const keybridgeImportResponseSchema = z.object({ certId: z.string() });

/**
 * `POST /v1/keys/:keyId/key-updates/:keyUpdateId/retire`: delete the old key and certificate — refused unless the
 * renewed certificate and its key are on the token. Idempotent (already gone → done).
 */
export const keybridgeRetireRequestSchema = z.object({
  pin: z.string().min(4).max(32),
  oldCertId: z.string().min(1).max(128),
});
export type KeybridgeRetireRequest = z.infer<typeof keybridgeRetireRequestSchema>;
export const keybridgeRetireResponseSchema = z.object({ retired: z.boolean() });

// ---- server (/api/v1) ----

export const keyUpdateStatuses = [
  "pending",
  "renewal_requested",
  "csr_received",
  "issued",
  "written",
  "confirmed",
  "failed",
] as const;
export type KeyUpdateStatus = (typeof keyUpdateStatuses)[number];

/** `POST /api/v1/key-updates` `{ renewalItemId }`: opens (or resumes) the key update of a paid item. */
export const keyUpdateOpenRequestSchema = z.object({ renewalItemId: z.string().min(1).max(64) });

export const keyUpdateSchema = z.object({
  id: z.string(),
  renewalItemId: z.string(),
  status: z.enum(keyUpdateStatuses),
  nonce: z.string(),
  /** The certificate to renew: the key must hold it (serial, as hex). */
  oldCertificate: z.object({ serialNumber: z.string(), holderName: z.string(), notAfter: z.string().nullable() }),
  /** Present once issued: re-delivered as often as asked until confirmed, never issued twice. */
  newCertificate: z
    .object({ certificatePem: z.string(), chainPem: z.array(z.string()), notAfter: z.string() })
    .nullable(),
});
export type KeyUpdate = z.infer<typeof keyUpdateSchema>;

/** `POST /api/v1/key-updates/:id/csr`: the keybridge's CSR and the old key's proof → the renewed certificate. */
export const keyUpdateCsrRequestSchema = z.object({
  csrPem: z.string().min(1).max(20_000),
  proof: keyUpdateProofSchema,
});
export type KeyUpdateCsrRequest = z.infer<typeof keyUpdateCsrRequestSchema>;

/*
 * Then `POST /api/v1/key-updates/:id/written` (the keybridge imported the certificate) and
 * `POST /api/v1/key-updates/:id/confirm` (the item is completed, the old certificate superseded); only after the
 * confirmation does the page ask the keybridge to retire the old key. Each step answers the `KeyUpdate`, and
 * repeating a step that is already done answers the same (resuming after any crash).
 */
