import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The sandbox's demo merchant: fixed, so the demo needs no setup. */
export const ALIPAY_SANDBOX_APP_ID = "2021000000000001";
export const ALIPAY_SANDBOX_SELLER_ID = "2088000000000001";

/** Both sides' keys: our application's pair and the pair standing in for Alipay's. PKCS8 / SPKI PEM. */
export interface AlipaySandboxKeys {
  appPrivateKeyPem: string;
  appPublicKeyPem: string;
  alipayPrivateKeyPem: string;
  alipayPublicKeyPem: string;
}

const FILES: Record<keyof AlipaySandboxKeys, string> = {
  appPrivateKeyPem: "app_private_key.pem",
  appPublicKeyPem: "app_public_key.pem",
  alipayPrivateKeyPem: "alipay_private_key.pem",
  alipayPublicKeyPem: "alipay_public_key.pem",
};

export function generateAlipaySandboxKeys(): AlipaySandboxKeys {
  const app = rsaPair();
  const alipay = rsaPair();
  return {
    appPrivateKeyPem: app.privateKey,
    appPublicKeyPem: app.publicKey,
    alipayPrivateKeyPem: alipay.privateKey,
    alipayPublicKeyPem: alipay.publicKey,
  };
}

function rsaPair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/**
 * The keys under `dir` (`${DATA_DIR}/sandbox/alipay`), made on first start. They are written into a fresh
 * folder renamed into place, so two processes starting together end up reading the same four files.
 */
export function ensureAlipaySandboxKeys(dir: string): AlipaySandboxKeys {
  try {
    return readKeys(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  const staging = `${dir}.${randomBytes(6).toString("hex")}.tmp`;
  mkdirSync(staging, { mode: 0o700 });
  const keys = generateAlipaySandboxKeys();
  for (const [name, file] of Object.entries(FILES)) {
    writeFileSync(path.join(staging, file), keys[name as keyof AlipaySandboxKeys], { mode: 0o600 });
  }
  try {
    renameSync(staging, dir);
  } catch {
    // Another process won the race: its keys are the ones in use.
    rmSync(staging, { recursive: true, force: true });
  }
  return readKeys(dir);
}

function readKeys(dir: string): AlipaySandboxKeys {
  const read = (name: keyof AlipaySandboxKeys) => readFileSync(path.join(dir, FILES[name]), "utf8");
  return {
    appPrivateKeyPem: read("appPrivateKeyPem"),
    appPublicKeyPem: read("appPublicKeyPem"),
    alipayPrivateKeyPem: read("alipayPrivateKeyPem"),
    alipayPublicKeyPem: read("alipayPublicKeyPem"),
  };
}
