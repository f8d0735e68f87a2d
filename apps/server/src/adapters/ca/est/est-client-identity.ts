import { type FileHandle, mkdir, open, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../../shared/app-error";

/** The TLS client identity the platform presents to a vendor's EST server: its RA certificate and key. */
export interface EstClientIdentity {
  /** The RA certificate, optionally followed by the CA certificates between it and the vendor's root. */
  certificatePem: string;
  keyPem: string;
}

const VENDOR_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** Where the identity for a vendor lives: `<dir>/<vendor code>.crt` and `<dir>/<vendor code>.key`. */
export function estClientIdentityFiles(dir: string, vendorCode: string): { certificate: string; key: string } {
  if (!VENDOR_CODE.test(vendorCode)) {
    throw new AppError("CA_ADAPTER_UNAVAILABLE", `CA 厂商编码 ${vendorCode} 不能用作 EST 客户端证书文件名`);
  }
  return { certificate: path.join(dir, `${vendorCode}.crt`), key: path.join(dir, `${vendorCode}.key`) };
}

/**
 * Read at each renewal, so that an operator replaces an expiring RA certificate without a restart. Missing
 * files are a configuration gap for this vendor alone: its renewals are refused, the others go on.
 */
export async function readEstClientIdentity(dir: string, vendorCode: string): Promise<EstClientIdentity> {
  const files = estClientIdentityFiles(dir, vendorCode);
  try {
    const [certificatePem, keyPem] = await Promise.all([
      readFile(files.certificate, "utf8"),
      readFile(files.key, "utf8"),
    ]);
    return { certificatePem, keyPem };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new AppError("CA_ADAPTER_UNAVAILABLE", `CA 厂商 ${vendorCode} 的 EST 客户端证书尚未配置，请联系运营人员`);
  }
}

/**
 * Writes an identity unless the vendor has one (the key file is created exclusively, so of two processes
 * starting together one writes and the other keeps it); true when written. The key is readable by this user only.
 */
export async function createEstClientIdentity(
  dir: string,
  vendorCode: string,
  make: () => Promise<EstClientIdentity>,
): Promise<boolean> {
  const files = estClientIdentityFiles(dir, vendorCode);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let key: FileHandle;
  try {
    key = await open(files.key, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    const identity = await make();
    await key.writeFile(identity.keyPem);
    await writeFile(files.certificate, identity.certificatePem);
    return true;
  } finally {
    await key.close();
  }
}
