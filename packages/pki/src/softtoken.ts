/**
 * The soft-token file: a JSON file that stands in for USB keys in the demo and in development. Each entry
 * of `keys` shows up in the keybridge as a separate inserted key.
 *
 * Private keys are PKCS#8 DER encrypted with AES-256-GCM under a key-encryption key derived from the key's
 * PIN with scrypt (random salt per key, random nonce per item). A wrong PIN is detected by the GCM tag of a
 * fixed "PIN check" value failing to authenticate, so a key with no items yet can still check its PIN. The
 * additional authenticated data binds each ciphertext to its key and item id, so items cannot be swapped.
 *
 * Wrong-PIN attempts are counted in the file (`failedPinTries`), like a real key counts them in its chip;
 * at `maxPinTries` the key is locked. Writes are atomic (temp file + rename) so a crash never leaves a
 * half-written file.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  type KeyObject,
  randomBytes,
  scrypt,
  X509Certificate,
} from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export const SOFTTOKEN_FORMAT = "lnca-softtoken";
export const SOFTTOKEN_VERSION = 1;
export const SOFTTOKEN_MANUFACTURER = "LNCA SoftToken";
export const SOFTTOKEN_MODEL = "SoftToken v1";
export const SOFTTOKEN_MAX_PIN_TRIES = 6;

/** scrypt cost: about 50 ms per PIN check; kept in the file so it can be raised later. */
const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 };
const PIN_CHECK_PLAINTEXT = Buffer.from("lnca-softtoken-pin-check");

export interface SealedBox {
  nonce: string;
  /** base64 of ciphertext followed by the 16-byte GCM tag */
  ciphertext: string;
}

export interface SoftTokenItem {
  certId: string;
  /** null while a generated key pair waits for its certificate (the key-update flow). */
  certificatePem: string | null;
  chainPem: string[];
  encryptedPrivateKey: SealedBox;
}

export interface SoftTokenKey {
  keyId: string;
  label: string;
  manufacturer: string;
  model: string;
  maxPinTries: number;
  failedPinTries: number;
  pinKdf: { name: "scrypt"; salt: string; N: number; r: number; p: number };
  pinCheck: SealedBox;
  items: SoftTokenItem[];
}

export interface SoftTokenFile {
  format: typeof SOFTTOKEN_FORMAT;
  version: typeof SOFTTOKEN_VERSION;
  keys: SoftTokenKey[];
}

export interface SoftTokenKeyInput {
  /** The key's serial number, e.g. "LNCA-DEMO-0001"; unique within the file. */
  keyId: string;
  label: string;
  pin: string;
  items: { certId?: string; privateKeyPkcs8Pem: string; certificatePem: string; chainPem?: string[] }[];
}

export type SoftTokenErrorCode = "KEY_NOT_FOUND" | "CERTIFICATE_NOT_FOUND" | "PIN_INCORRECT" | "PIN_LOCKED";

export class SoftTokenError extends Error {
  constructor(
    readonly code: SoftTokenErrorCode,
    readonly triesLeft?: number,
  ) {
    super(code);
    this.name = "SoftTokenError";
  }
}

/**
 * Writes a new soft-token file (replacing any existing one). Example, as the demo seed uses it:
 *
 *   await createSoftTokenFile("data/demo-keys.softtoken.json", [
 *     { keyId: "LNCA-DEMO-0001", label: "沈阳某某建设有限公司", pin: "111111",
 *       items: [{ privateKeyPkcs8Pem, certificatePem, chainPem: [issuingCaPem] }] },
 *   ]);
 *
 * `certId` defaults to the hex SHA-1 of the certificate's public key (what PKCS#11 tools use as CKA_ID).
 */
export async function createSoftTokenFile(path: string, keys: SoftTokenKeyInput[]): Promise<SoftTokenFile> {
  const ids = new Set(keys.map((k) => k.keyId));
  if (ids.size !== keys.length) throw new Error("softtoken: keyId values must be unique");
  const file: SoftTokenFile = { format: SOFTTOKEN_FORMAT, version: SOFTTOKEN_VERSION, keys: [] };
  for (const input of keys) {
    const { key, kek } = await newSoftTokenKey(input.keyId, input.label, input.pin);
    for (const item of input.items) {
      const certificate = new X509Certificate(item.certificatePem);
      const privateKey = createPrivateKey(item.privateKeyPkcs8Pem);
      if (!certificate.checkPrivateKey(privateKey)) throw new Error(`softtoken: ${input.keyId}: key/cert mismatch`);
      const certId = item.certId ?? publicKeyId(certificate);
      const der = privateKey.export({ type: "pkcs8", format: "der" });
      key.items.push({
        certId,
        certificatePem: certificate.toString(),
        chainPem: item.chainPem ?? [],
        encryptedPrivateKey: seal(kek, der, aad(key.keyId, certId)),
      });
    }
    file.keys.push(key);
  }
  await writeSoftTokenFileAtomic(path, file);
  return file;
}

/** A new key with no items, its PIN set; returns the derived key-encryption key for adding items. */
export async function newSoftTokenKey(keyId: string, label: string, pin: string) {
  const pinKdf = { name: "scrypt" as const, salt: randomBytes(16).toString("base64"), ...DEFAULT_KDF };
  const kek = await deriveKek(pin, pinKdf);
  const key: SoftTokenKey = {
    keyId,
    label,
    manufacturer: SOFTTOKEN_MANUFACTURER,
    model: SOFTTOKEN_MODEL,
    maxPinTries: SOFTTOKEN_MAX_PIN_TRIES,
    failedPinTries: 0,
    pinKdf,
    pinCheck: seal(kek, PIN_CHECK_PLAINTEXT, aad(keyId, "")),
    items: [],
  };
  return { key, kek };
}

export async function readSoftTokenFile(path: string): Promise<SoftTokenFile> {
  const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
  const file = parsed as Partial<SoftTokenFile> | null;
  if (file?.format !== SOFTTOKEN_FORMAT || file.version !== SOFTTOKEN_VERSION || !Array.isArray(file.keys)) {
    throw new Error(`softtoken: ${path} is not a ${SOFTTOKEN_FORMAT} v${SOFTTOKEN_VERSION} file`);
  }
  return file as SoftTokenFile;
}

/** Temp file in the same folder + rename: readers see the old or the new file, never a partial one. */
export async function writeSoftTokenFileAtomic(path: string, file: SoftTokenFile): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
}

/** What an unlocked key offers during one operation; the PIN-derived key never leaves this closure. */
export interface UnlockedSoftToken {
  key: SoftTokenKey;
  decryptPrivateKey(item: SoftTokenItem): KeyObject;
  sealPrivateKey(certId: string, privateKey: KeyObject): SealedBox;
  /** Call after changing `key.items`, so the change is written when the operation ends. */
  markChanged(): void;
}

/**
 * Runs `operation` with the key unlocked by `pin`, like a PKCS#11 login/logout pair. Counts a wrong PIN in
 * the file, resets the count on success, refuses a locked key. Operations on one file run one at a time.
 */
export function withUnlockedSoftToken<T>(
  path: string,
  keyId: string,
  pin: string,
  operation: (token: UnlockedSoftToken) => T | Promise<T>,
): Promise<T> {
  return serialized(path, async () => {
    const file = await readSoftTokenFile(path);
    const key = file.keys.find((k) => k.keyId === keyId);
    if (!key) throw new SoftTokenError("KEY_NOT_FOUND");
    if (key.failedPinTries >= key.maxPinTries) throw new SoftTokenError("PIN_LOCKED", 0);
    const kek = await deriveKek(pin, key.pinKdf);
    const pinOk = tryOpen(kek, key.pinCheck, aad(keyId, "")) !== null;
    const before = key.failedPinTries;
    key.failedPinTries = pinOk ? 0 : key.failedPinTries + 1;
    if (!pinOk) {
      await writeSoftTokenFileAtomic(path, file);
      const triesLeft = key.maxPinTries - key.failedPinTries;
      throw new SoftTokenError(triesLeft > 0 ? "PIN_INCORRECT" : "PIN_LOCKED", triesLeft);
    }
    let changed = before !== 0;
    const result = await operation({
      key,
      decryptPrivateKey: (item) => {
        const der = tryOpen(kek, item.encryptedPrivateKey, aad(keyId, item.certId));
        if (!der) throw new Error(`softtoken: ${keyId}/${item.certId}: private key does not decrypt`);
        return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
      },
      sealPrivateKey: (certId, privateKey) =>
        seal(kek, privateKey.export({ type: "pkcs8", format: "der" }), aad(keyId, certId)),
      markChanged: () => {
        changed = true;
      },
    });
    if (changed) await writeSoftTokenFileAtomic(path, file);
    return result;
  });
}

/** Unlocks one item's private key with the PIN (counting a wrong PIN); the usual call for signing. */
export function unlockSoftTokenItem(path: string, keyId: string, certId: string, pin: string) {
  return withUnlockedSoftToken(path, keyId, pin, (token) => {
    const item = token.key.items.find((i) => i.certId === certId && i.certificatePem !== null);
    if (!item?.certificatePem) throw new SoftTokenError("CERTIFICATE_NOT_FOUND");
    return {
      privateKey: token.decryptPrivateKey(item),
      certificatePem: item.certificatePem,
      chainPem: item.chainPem,
    };
  });
}

/** Hex SHA-1 of the SubjectPublicKeyInfo DER. */
export function publicKeyId(certificate: X509Certificate): string {
  const spki = certificate.publicKey.export({ type: "spki", format: "der" });
  return createHash("sha1").update(spki).digest("hex");
}

function aad(keyId: string, certId: string): Buffer {
  return Buffer.from(`${SOFTTOKEN_FORMAT}\n${keyId}\n${certId}`);
}

function deriveKek(pin: string, kdf: SoftTokenKey["pinKdf"]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r };
    scrypt(pin.normalize("NFC"), Buffer.from(kdf.salt, "base64"), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function seal(kek: Buffer, plaintext: Buffer, additionalData: Buffer): SealedBox {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kek, nonce).setAAD(additionalData);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString("base64"), ciphertext: body.toString("base64") };
}

/** null when the tag does not authenticate: wrong PIN or tampered data. */
function tryOpen(kek: Buffer, box: SealedBox, additionalData: Buffer): Buffer | null {
  const body = Buffer.from(box.ciphertext, "base64");
  if (body.length < 16) return null;
  const decipher = createDecipheriv("aes-256-gcm", kek, Buffer.from(box.nonce, "base64")).setAAD(additionalData);
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

const queues = new Map<string, Promise<unknown>>();

function serialized<T>(path: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(path, settled);
  void settled.then(() => {
    if (queues.get(path) === settled) queues.delete(path);
  });
  return next;
}
