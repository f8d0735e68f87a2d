import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { x509 } from "@lnca/pki";
import {
  platformCertificateVerifiers,
  publicKeyVerifier,
  type WechatPayMerchant,
  type WechatPayVerifiers,
} from "../wechat/wechat-pay-keys";

/** How WeChat Pay proves its messages: the platform certificate (平台证书) or the WeChat Pay public key (微信支付公钥). */
export type WechatPayKeyMode = "public_key" | "platform_certificate";

/** The sandbox's fixed demo merchant: not real WeChat Pay ids, so nothing can be mistaken for a real payment. */
export const SANDBOX_APP_ID = "wx0000000000000001";
export const SANDBOX_MCH_ID = "1900000001";

/**
 * Every key of the WeChat Pay sandbox, both sides: the merchant's (ours) and WeChat Pay's, in both modes.
 * Kept as the files a real merchant downloads, so the operator can sign a notification with them by hand.
 */
export interface WechatPaySandboxKeys {
  appId: string;
  mchId: string;
  mchSerialNo: string;
  /** apiclient_key.pem: our request-signing key. */
  merchantPrivateKeyPem: string;
  /** The merchant certificate's public key, with which the gateway checks our requests. */
  merchantPublicKeyPem: string;
  apiV3Key: string;
  /** `PUB_KEY_ID_…`: the id of the WeChat Pay public key (public-key mode). */
  publicKeyId: string;
  /** pub_key.pem: the WeChat Pay public key, and the private half the sandbox signs with. */
  wechatPayPublicKeyPem: string;
  wechatPayPrivateKeyPem: string;
  /** The platform certificate's serial (platform-certificate mode), its certificate and its key. */
  platformSerialNo: string;
  platformCertificatePem: string;
  platformPrivateKeyPem: string;
}

const FILES = {
  merchantPrivateKeyPem: "apiclient_key.pem",
  merchantPublicKeyPem: "apiclient_public.pem",
  wechatPayPublicKeyPem: "pub_key.pem",
  wechatPayPrivateKeyPem: "pub_key_private.pem",
  platformCertificatePem: "platform_cert.pem",
  platformPrivateKeyPem: "platform_key.pem",
} as const;
const SETTINGS_FILE = "settings.json";

const generateRsaPair = promisify(generateKeyPair);

async function rsaPair(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateRsaPair("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

const hexSerial = () =>
  randomBytes(20)
    .toString("hex")
    .toUpperCase()
    .replace(/^[089A-F]/, "1");
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
/** APIv3 keys are 32 printable characters (the AES-256 key is their bytes). */
const apiV3Key = () => randomBytes(24).toString("base64url");

/** A self-signed stand-in for the platform certificate WeChat Pay would hand out (5 years, RSA-2048). */
async function platformCertificate(serialNo: string, privateKeyPem: string, publicKeyPem: string) {
  const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const keys = {
    privateKey: await globalThis.crypto.subtle.importKey(
      "pkcs8",
      createPrivateKey(privateKeyPem).export({ type: "pkcs8", format: "der" }),
      algorithm,
      false,
      ["sign"],
    ),
    publicKey: await globalThis.crypto.subtle.importKey(
      "spki",
      createPublicKey(publicKeyPem).export({ type: "spki", format: "der" }),
      algorithm,
      true,
      ["verify"],
    ),
  };
  const notBefore = new Date(Date.now() - 86_400_000);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNo,
    name: "CN=Tenpay.com Root CA Sandbox, O=Tenpay.com, C=CN",
    notBefore,
    notAfter: new Date(notBefore.getTime() + 5 * 365 * 86_400_000),
    keys,
    signingAlgorithm: algorithm,
  });
  return certificate.toString("pem");
}

export async function generateWechatPaySandboxKeys(): Promise<WechatPaySandboxKeys> {
  const [merchant, wechatPay, platform] = await Promise.all([rsaPair(), rsaPair(), rsaPair()]);
  const platformSerialNo = hexSerial();
  return {
    appId: SANDBOX_APP_ID,
    mchId: SANDBOX_MCH_ID,
    mchSerialNo: hexSerial(),
    merchantPrivateKeyPem: merchant.privateKeyPem,
    merchantPublicKeyPem: merchant.publicKeyPem,
    apiV3Key: apiV3Key(),
    publicKeyId: `PUB_KEY_ID_01${SANDBOX_MCH_ID}${digits(19)}`,
    wechatPayPublicKeyPem: wechatPay.publicKeyPem,
    wechatPayPrivateKeyPem: wechatPay.privateKeyPem,
    platformSerialNo,
    platformCertificatePem: await platformCertificate(platformSerialNo, platform.privateKeyPem, platform.publicKeyPem),
    platformPrivateKeyPem: platform.privateKeyPem,
  };
}

/**
 * The sandbox keys under `dir` (`${DATA_DIR}/sandbox/wechat`), made on first start. They are written to a
 * fresh folder that is then renamed into place, so processes starting together never mix two key sets.
 */
export async function loadOrCreateWechatPaySandboxKeys(dir: string): Promise<WechatPaySandboxKeys> {
  if (!existsSync(path.join(dir, SETTINGS_FILE))) {
    const keys = await generateWechatPaySandboxKeys();
    mkdirSync(path.dirname(dir), { recursive: true });
    const staging = `${dir}.${process.pid}.${randomBytes(4).toString("hex")}`;
    mkdirSync(staging, { mode: 0o700 });
    for (const [field, file] of Object.entries(FILES)) {
      writeFileSync(path.join(staging, file), keys[field as keyof typeof FILES], { mode: 0o600 });
    }
    const { appId, mchId, mchSerialNo, apiV3Key, publicKeyId, platformSerialNo } = keys;
    const settings = { appId, mchId, mchSerialNo, apiV3Key, publicKeyId, platformSerialNo };
    writeFileSync(path.join(staging, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    try {
      renameSync(staging, dir);
    } catch {
      // Another process got there first: its keys are the ones.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const settings = JSON.parse(readFileSync(path.join(dir, SETTINGS_FILE), "utf8"));
  const pems = Object.fromEntries(
    Object.entries(FILES).map(([field, file]) => [field, readFileSync(path.join(dir, file), "utf8")]),
  ) as Record<keyof typeof FILES, string>;
  return { ...settings, ...pems };
}

/** What the real adapter needs to talk to the sandbox: the merchant's side and the verifier of the chosen mode. */
export function sandboxMerchant(
  keys: WechatPaySandboxKeys,
  mode: WechatPayKeyMode,
): { merchant: WechatPayMerchant; verifiers: WechatPayVerifiers } {
  return {
    merchant: {
      appId: keys.appId,
      mchId: keys.mchId,
      mchSerialNo: keys.mchSerialNo,
      mchPrivateKey: createPrivateKey(keys.merchantPrivateKeyPem),
      apiV3Key: keys.apiV3Key,
    },
    verifiers:
      mode === "public_key"
        ? publicKeyVerifier(keys.publicKeyId, keys.wechatPayPublicKeyPem)
        : platformCertificateVerifiers([keys.platformCertificatePem]),
  };
}
