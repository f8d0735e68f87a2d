import { randomBytes, randomUUID, sign } from "node:crypto";
import { Aes } from "wechatpay-axios-plugin";
import { chinaTime } from "../wechat/wechat-pay-transaction";
import type { WechatPayKeyMode, WechatPaySandboxKeys } from "./wechat-keys";

/** A notification as WeChat Pay posts it: these headers and exactly these body bytes. */
export interface SignedWechatPayNotification {
  headers: Record<string, string>;
  rawBody: Buffer;
}

/** The WeChat Pay signature over `timestamp\nnonce\nbody\n`, base64 (the same for responses and notifications). */
export function signWechatPayMessage(timestamp: string, nonce: string, body: Buffer, privateKeyPem: string): string {
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), body, Buffer.from("\n")]);
  return sign("sha256", message, privateKeyPem).toString("base64");
}

/** The serial WeChat Pay names in `Wechatpay-Serial` and the key it signs with, in each mode. */
export function wechatPaySigner(keys: WechatPaySandboxKeys, mode: WechatPayKeyMode) {
  return mode === "public_key"
    ? { serial: keys.publicKeyId, privateKeyPem: keys.wechatPayPrivateKeyPem }
    : { serial: keys.platformSerialNo, privateKeyPem: keys.platformPrivateKeyPem };
}

export function signedHeaders(
  body: Buffer,
  signer: { serial: string; privateKeyPem: string },
  at: Date,
): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString("hex");
  return {
    "Wechatpay-Timestamp": timestamp,
    "Wechatpay-Nonce": nonce,
    "Wechatpay-Signature": signWechatPayMessage(timestamp, nonce, body, signer.privateKeyPem),
    "Wechatpay-Serial": signer.serial,
  };
}

/** The TRANSACTION.SUCCESS body: the transaction encrypted with the APIv3 key (AEAD_AES_256_GCM). */
export function transactionNotificationBody(transaction: object, apiV3Key: string, at: Date): Buffer {
  const nonce = randomBytes(6).toString("hex");
  const associatedData = "transaction";
  return Buffer.from(
    JSON.stringify({
      id: randomUUID(),
      create_time: chinaTime(at),
      resource_type: "encrypt-resource",
      event_type: "TRANSACTION.SUCCESS",
      summary: "支付成功",
      resource: {
        original_type: "transaction",
        algorithm: "AEAD_AES_256_GCM",
        ciphertext: Aes.AesGcm.encrypt(JSON.stringify(transaction), apiV3Key, nonce, associatedData),
        associated_data: associatedData,
        nonce,
      },
    }),
  );
}

/**
 * Signs a payment notification with the sandbox keys, as WeChat Pay would send it for `transaction` (the
 * decrypted resource: appid, mchid, out_trade_no, transaction_id, trade_state, success_time, amount…).
 * `overrides` replace any header after signing, for tests and for replaying one by hand (docs/OPERATIONS.md).
 */
export function signWechatPayNotification(
  transaction: object,
  keys: WechatPaySandboxKeys,
  options: { mode?: WechatPayKeyMode; at?: Date; overrides?: Record<string, string> } = {},
): SignedWechatPayNotification {
  const at = options.at ?? new Date();
  const rawBody = transactionNotificationBody(transaction, keys.apiV3Key, at);
  const headers = {
    "Content-Type": "application/json",
    ...signedHeaders(rawBody, wechatPaySigner(keys, options.mode ?? "public_key"), at),
    ...options.overrides,
  };
  return { headers, rawBody };
}
