import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

/** The prefix of a WeChat Pay public key's id (微信支付公钥 ID), as it appears in `Wechatpay-Serial`. */
export const PUBLIC_KEY_ID_PREFIX = "PUB_KEY_ID_";

/** Who we are to WeChat Pay, and the secrets that prove it. */
export interface WechatPayMerchant {
  appId: string;
  mchId: string;
  /** The serial number of the merchant API certificate (商户 API 证书序列号), named in every request. */
  mchSerialNo: string;
  mchPrivateKey: KeyObject;
  /** APIv3 密钥: 32 characters, the AES-256-GCM key of notification resources. */
  apiV3Key: string;
}

/**
 * The keys WeChat Pay signs with, by the serial its `Wechatpay-Serial` header names: platform certificate
 * serials (平台证书模式) and/or a `PUB_KEY_ID_…` id (微信支付公钥模式). Both at once during a migration.
 */
export type WechatPayVerifiers = ReadonlyMap<string, KeyObject>;

/** One entry per certificate, keyed by its serial in upper-case hex as WeChat Pay writes it. */
export function platformCertificateVerifiers(certificatePems: readonly string[]): Map<string, KeyObject> {
  return new Map(
    certificatePems.map((pem) => {
      const certificate = new X509Certificate(pem);
      return [certificate.serialNumber.toUpperCase(), certificate.publicKey];
    }),
  );
}

export function publicKeyVerifier(publicKeyId: string, publicKeyPem: string): Map<string, KeyObject> {
  if (!publicKeyId.startsWith(PUBLIC_KEY_ID_PREFIX)) {
    throw new Error(`微信支付公钥 ID 应以 ${PUBLIC_KEY_ID_PREFIX} 开头：${publicKeyId}`);
  }
  return new Map([[publicKeyId, createPublicKey(publicKeyPem)]]);
}

/** The merchant configuration read from files (merchant mode). */
export interface WechatPayMerchantFiles {
  appId: string;
  mchId: string;
  mchSerialNo: string;
  mchPrivateKeyFile: string;
  apiV3Key: string;
  publicKey: { id: string; file: string } | null;
  platformCertificateFiles: readonly string[];
}

export function loadMerchantKeys(files: WechatPayMerchantFiles): {
  merchant: WechatPayMerchant;
  verifiers: WechatPayVerifiers;
} {
  const verifiers = new Map([
    ...platformCertificateVerifiers(files.platformCertificateFiles.map((file) => readFileSync(file, "utf8"))),
    ...(files.publicKey ? publicKeyVerifier(files.publicKey.id, readFileSync(files.publicKey.file, "utf8")) : []),
  ]);
  return {
    merchant: {
      appId: files.appId,
      mchId: files.mchId,
      mchSerialNo: files.mchSerialNo.toUpperCase(),
      mchPrivateKey: createPrivateKey(readFileSync(files.mchPrivateKeyFile)),
      apiV3Key: files.apiV3Key,
    },
    verifiers,
  };
}
