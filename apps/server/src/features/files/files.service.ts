import { fileTypeFromBuffer } from "file-type";
import type { ObjectStorage } from "../../adapters/storage/object-storage";
import type { DbOrTx } from "../../db/database";
import type { FilesTable } from "../../db/schema";
import { AppError } from "../../shared/app-error";
import { newId } from "../../shared/ids";
import type { PersonalDataVault } from "../../shared/personal-data";
import { findFileById, insertFile } from "./files.queries";

/**
 * Uploaded files: accepted by what their bytes are (file-type reads the magic numbers; the name and the
 * browser's Content-Type are not trusted), size-limited, kept content-addressed in ObjectStorage; sensitive ones
 * (ID-card scans) sealed first, so the storage holds no readable copy.
 */
export class FileStore {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly vault: PersonalDataVault,
  ) {}

  /**
   * Checks and stores the bytes; the caller records the returned row in its transaction. The object is written
   * first: if that transaction rolls back the object is merely unreferenced (content-addressed, harmless).
   */
  async put(input: {
    bytes: Buffer;
    allowed: readonly string[];
    maxBytes: number;
    purpose: string;
    originalName: string | null;
    userId: string | null;
    sealed: boolean;
    now: Date;
  }): Promise<FilesTable> {
    if (input.bytes.length === 0) throw new AppError("FILE_REQUIRED");
    if (input.bytes.length > input.maxBytes) throw new AppError("FILE_TOO_LARGE");
    const mediaType = (await fileTypeFromBuffer(input.bytes))?.mime;
    if (!mediaType || !input.allowed.includes(mediaType)) throw new AppError("FILE_TYPE_NOT_ALLOWED");
    const stored = input.sealed ? this.vault.sealBytes(input.bytes, sealLabel(input.purpose)) : input.bytes;
    const { key } = await this.storage.put(stored);
    return {
      id: newId(),
      sha256: key,
      size_bytes: input.bytes.length,
      media_type: mediaType,
      original_name: input.originalName?.slice(0, 200) ?? null,
      purpose: input.purpose,
      uploaded_by_user_id: input.userId,
      sealed: input.sealed ? 1 : 0,
      created_at: input.now.toISOString(),
    };
  }

  record(trx: DbOrTx, file: FilesTable): Promise<void> {
    return insertFile(trx, file);
  }

  describe(db: DbOrTx, fileId: string) {
    return findFileById(db, fileId);
  }

  /** The file's bytes as uploaded (opened when sealed), or null when the row or its object is gone. */
  async read(file: FilesTable): Promise<Buffer | null> {
    const stored = await this.storage.get(file.sha256);
    if (!stored) return null;
    return file.sealed ? this.vault.openBytes(stored, sealLabel(file.purpose)) : Buffer.from(stored);
  }
}

const sealLabel = (purpose: string) => `files:${purpose}`;
