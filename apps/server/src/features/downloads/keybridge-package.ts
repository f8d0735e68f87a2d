import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  KEYBRIDGE_BUILD_COMMAND,
  KEYBRIDGE_PACKAGE_BUILD_LOCK,
  KEYBRIDGE_PACKAGE_MANIFEST,
  type KeybridgeBuildInfo,
  type KeybridgePackageManifest,
  keybridgePackageManifestSchema,
} from "@lnca/contracts";

export interface KeybridgePackage {
  info: KeybridgeBuildInfo;
  /** The file to serve: only when it exists and hashes to its manifest's SHA-256. */
  file: string | null;
}

/**
 * The keybridge package `npm run build:keybridge` left in its folder (KEYBRIDGE_DIST), read anew on every call:
 * a build (by hand, or the one `npm start` runs in the background) shows up without a restart. The file is
 * offered only when its bytes hash to the manifest's SHA-256; the hash is remembered per file name, size and
 * modification time, so the ~100 MB file is read once per build, not once per listing.
 */
export class KeybridgePackageFolder {
  private verified: { key: string; digest: Promise<string> } | null = null;

  constructor(private readonly dir: string) {}

  async read(): Promise<KeybridgePackage> {
    const manifest = await this.manifest();
    const building = await this.building();
    const base = { buildCommand: KEYBRIDGE_BUILD_COMMAND, directory: this.dir };
    if (!manifest)
      return { info: { ...base, status: building ? "building" : "missing", manifest, verified: false }, file: null };
    const file = path.join(this.dir, manifest.fileName);
    const verified = (await this.digest(file)) === manifest.sha256;
    return {
      info: { ...base, status: building ? "building" : "built", manifest, verified },
      file: verified ? file : null,
    };
  }

  open(file: string) {
    return createReadStream(file);
  }

  private async manifest(): Promise<KeybridgePackageManifest | null> {
    try {
      const text = await readFile(path.join(this.dir, KEYBRIDGE_PACKAGE_MANIFEST), "utf8");
      return keybridgePackageManifestSchema.parse(JSON.parse(text));
    } catch {
      return null;
    }
  }

  /** A build holds the lock file with its pid; a lock left by a process that is gone means no build. */
  private async building(): Promise<boolean> {
    try {
      const { pid } = JSON.parse(await readFile(path.join(this.dir, KEYBRIDGE_PACKAGE_BUILD_LOCK), "utf8")) as {
        pid?: unknown;
      };
      if (typeof pid !== "number") return false;
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  }

  private async digest(file: string): Promise<string | null> {
    let key: string;
    try {
      const { size, mtimeMs } = await stat(file);
      key = `${file}:${size}:${mtimeMs}`;
    } catch {
      return null;
    }
    if (this.verified?.key !== key) this.verified = { key, digest: sha256File(file) };
    return this.verified.digest.catch(() => null);
  }
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
