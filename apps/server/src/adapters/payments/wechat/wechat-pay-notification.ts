import { verify } from "node:crypto";
import { Aes } from "wechatpay-axios-plugin";
import { AppError } from "../../../shared/app-error";
import type { PaymentNotification } from "../payment-provider";
import type { WechatPayVerifiers } from "./wechat-pay-keys";

/** WeChat Pay's own clock tolerance for signed messages; an older notification is treated as a replay. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** WeChat Pay sends notifications signed with this prefix to check that merchants really verify. */
const PROBE_SIGNATURE_PREFIX = "WECHATPAY/SIGNTEST/";
const GCM_TAG_BYTES = 16;

interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

function header(headers: PaymentNotification["headers"], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * Checks the `Wechatpay-*` headers of a notification against its raw body bytes (the signed message is
 * `timestamp\nnonce\nbody\n`): a re-serialised body would not be what WeChat Pay signed. The SDK verifies
 * responses as decoded strings only, so the byte-exact check is node:crypto's.
 */
export function verifyWechatPaySignature(
  notification: PaymentNotification,
  verifiers: WechatPayVerifiers,
  now: Date,
): void {
  const timestamp = header(notification.headers, "Wechatpay-Timestamp");
  const nonce = header(notification.headers, "Wechatpay-Nonce");
  const signature = header(notification.headers, "Wechatpay-Signature");
  const serial = header(notification.headers, "Wechatpay-Serial");
  if (!timestamp || !nonce || !signature || !serial || !/^\d{1,12}$/.test(timestamp)) {
    throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  }
  if (signature.startsWith(PROBE_SIGNATURE_PREFIX)) throw new AppError("WECHATPAY_NOTIFICATION_PROBE");
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    throw new AppError("WECHATPAY_NOTIFICATION_STALE");
  }
  const key = verifiers.get(serial);
  if (!key) throw new AppError("WECHATPAY_SERIAL_UNKNOWN", undefined, { serial });
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), notification.rawBody, Buffer.from("\n")]);
  if (!verify("sha256", message, key, Buffer.from(signature, "base64"))) {
    throw new AppError("WECHATPAY_SIGNATURE_INVALID");
  }
}

/** The notification body's `resource`, decrypted with the APIv3 key (AEAD_AES_256_GCM) and parsed. */
export function decryptNotificationResource(rawBody: Uint8Array, apiV3Key: string): unknown {
  const resource = encryptedResourceOf(rawBody);
  let plaintext: string;
  try {
    plaintext = Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data ?? "");
  } catch {
    throw new AppError("WECHATPAY_RESOURCE_UNDECRYPTABLE");
  }
  try {
    return JSON.parse(plaintext);
  } catch {
    throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  }
}

function encryptedResourceOf(rawBody: Uint8Array): EncryptedResource {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch {
    throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  }
  const resource = (body as { resource?: Partial<EncryptedResource> } | null)?.resource;
  if (
    resource?.algorithm !== "AEAD_AES_256_GCM" ||
    typeof resource.ciphertext !== "string" ||
    typeof resource.nonce !== "string" ||
    (resource.associated_data !== undefined && typeof resource.associated_data !== "string")
  ) {
    throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  }
  // GCM would also accept a shorter tag; a resource too short to hold the whole 16-byte tag is no resource.
  if (Buffer.from(resource.ciphertext, "base64").length <= GCM_TAG_BYTES) {
    throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  }
  return resource as EncryptedResource;
}
