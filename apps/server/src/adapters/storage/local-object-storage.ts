import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/app-error";
import { isObjectKey, type ObjectStorage } from "./object-storage";

/**
 * The embedded default: objects as files under one folder (STORAGE_DIR, by default DATA_DIR/files), spread
 * over 256 subfolders by the key's first two digits. A write goes to a temporary file in the same folder and
 * is renamed into place, so a reader never sees half an object and a crash leaves only a temporary file.
 */
export class LocalObjectStorage implements ObjectStorage {
  readonly name = "local";

  constructor(private readonly root: string) {}

  async put(bytes: Uint8Array): Promise<{ key: string; sizeBytes: number }> {
    const key = createHash("sha256").update(bytes).digest("hex");
    const file = this.fileOf(key);
    if (!(await this.head(key))) {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, bytes, { flag: "wx", flush: true });
        // Two writers of the same content rename the same bytes into place: the last rename wins, harmlessly.
        await rename(temporary, file);
      } finally {
        await rm(temporary, { force: true });
      }
    }
    return { key, sizeBytes: bytes.byteLength };
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.fileOf(key)));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<{ sizeBytes: number } | null> {
    try {
      return { sizeBytes: (await stat(this.fileOf(key))).size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  /** The only way from a key to a path: a key that is not 64 hex digits never reaches the file system. */
  private fileOf(key: string): string {
    if (!isObjectKey(key)) throw new AppError("NOT_FOUND", "文件不存在");
    return path.join(this.root, key.slice(0, 2), key);
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}
