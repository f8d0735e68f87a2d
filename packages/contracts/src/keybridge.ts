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
  KEY_UPDATE_KEY_NOT_FOUND: "CA 锁中没有本次证书更新生成的密钥，请重新开始更新",
  KEY_UPDATE_CERTIFICATE_MISMATCH: "新证书与本次更新在 CA 锁中生成的密钥不匹配",
  KEY_UPDATE_CONFLICT: "CA 锁中本次更新的密钥已用于另一张证书",
  KEY_UPDATE_NOT_WRITTEN: "新证书尚未写入 CA 锁，不能删除原证书",
  KEY_UPDATE_OLD_CERTIFICATE_MISMATCH: "拒绝删除：该证书不是本次更新所替换的证书",
  VALIDATION_FAILED: "请求参数不正确",
  TOKEN_ERROR: "CA 锁操作失败，请重新插入后重试",
  NOT_FOUND: "接口不存在",
} as const;
export type KeybridgeErrorCode = keyof typeof keybridgeErrorCodes;
