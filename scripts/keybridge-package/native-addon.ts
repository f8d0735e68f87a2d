import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import sea from "node:sea";

/**
 * Loads a native addon of the packaged keybridge (pkcs11js's `pkcs11.node`); the bundle calls this wherever a
 * dependency required a `.node` file. In the archive the addon lies beside the bundle. A single executable
 * cannot load an addon from inside itself, so it carries the addon as a SEA asset and writes it out once, under
 * the user's own `~/.lnca-keybridge/native/` (not a shared temporary folder, where another user could put a
 * file of that name first), named by its SHA-256 and checked against it before every load.
 */
export function loadNativeAddon(name: string): unknown {
  const module = { exports: {} };
  process.dlopen(module, sea.isSea() ? extractedAsset(name) : path.join(__dirname, name));
  return module.exports;
}

function extractedAsset(name: string): string {
  const bytes = new Uint8Array(sea.getRawAsset(name) as ArrayBuffer);
  const digest = sha256(bytes);
  const dir = path.join(homedir(), ".lnca-keybridge", "native");
  const file = path.join(dir, `${digest.slice(0, 16)}-${name}`);
  if (readDigest(file) === digest) return file;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
  return file;
}

function readDigest(file: string): string | null {
  try {
    return sha256(readFileSync(file));
  } catch {
    return null;
  }
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
