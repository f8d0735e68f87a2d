import { z } from "zod";
import { signatureAlgorithmSchema } from "./auth";

/**
 * The keybridge (拓展程序) HTTP API on 127.0.0.1. Errors use the same `{ error: { code, message } }` body
 * as the server, with the extra `triesLeft` on PIN errors.
 */
export const KEYBRIDGE_DEFAULT_PORT = 28_451;
export const KEYBRIDGE_PROTOCOL_VERSION = 1;

export const keybridgeStatusSchema = z.object({
  name: z.literal("lnca-keybridge"),
  version: z.string(),
  protocol: z.number().int(),
  backend: z.enum(["pkcs11", "softtoken"]),
});
export type KeybridgeStatus = z.infer<typeof keybridgeStatusSchema>;

export const keybridgeCertificateSchema = z.object({
  /** Stable id of the certificate object on this key (hex CKA_ID for PKCS#11). */
  certId: z.string(),
  pem: z.string(),
  subject: z.string(),
  /** Common name from the subject, for lists. */
  commonName: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyAlgorithm: z.enum(["EC-P256", "RSA-2048"]),
});
export type KeybridgeCertificate = z.infer<typeof keybridgeCertificateSchema>;

export const keybridgeKeySchema = z.object({
  /** Stable id of the inserted key (token serial number). */
  keyId: z.string(),
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  pinTriesLeft: z.number().int().nullable(),
  pinLocked: z.boolean(),
  certificates: z.array(keybridgeCertificateSchema),
});
export type KeybridgeKey = z.infer<typeof keybridgeKeySchema>;

export const keybridgeKeysResponseSchema = z.object({ keys: z.array(keybridgeKeySchema) });

export const signChallengeRequestSchema = z.object({
  certId: z.string().min(1).max(128),
  pin: z.string().min(4).max(32),
  challenge: z.string().min(1).max(4096),
});
export type SignChallengeRequest = z.infer<typeof signChallengeRequestSchema>;

export const signChallengeResponseSchema = z.object({
  signature: z.string(),
  signatureAlgorithm: signatureAlgorithmSchema,
  certificatePem: z.string(),
  chainPem: z.array(z.string()),
});
export type SignChallengeResponse = z.infer<typeof signChallengeResponseSchema>;

export const keybridgeErrorCodes = {
  KEY_NOT_FOUND: "未检测到该 CA 锁，请确认已插入",
  CERTIFICATE_NOT_FOUND: "CA 锁中没有该证书",
  PIN_INCORRECT: "CA 锁密码错误",
  PIN_LOCKED: "CA 锁密码已锁定，请联系办理点解锁",
  PIN_INVALID_FORMAT: "CA 锁密码格式不正确",
  CHALLENGE_INVALID: "拒绝签名：不是本平台的登录请求",
  CHALLENGE_LIFETIME_TOO_LONG: "拒绝签名：登录请求的有效期超过平台允许的上限",
  ORIGIN_FORBIDDEN: "拒绝访问：来源网站未被授权",
  VALIDATION_FAILED: "请求参数不正确",
  TOKEN_ERROR: "CA 锁操作失败，请重新插入后重试",
  NOT_FOUND: "接口不存在",
} as const;
export type KeybridgeErrorCode = keyof typeof keybridgeErrorCodes;
