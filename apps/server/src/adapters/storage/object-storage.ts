/**
 * Where uploaded and generated files live (ID scans, licences, stamped forms, invoice PDFs), by content: the
 * key of an object is the SHA-256 of its bytes (lowercase hex), so the same file stored twice is one object
 * and a key can never name a path. Rows in `files` record who uploaded what under which key. The embedded
 * default is a folder under DATA_DIR (local-object-storage.ts); production uses an S3-compatible bucket
 * (s3-object-storage.ts). Both pass the same tests (object-storage.contract.ts).
 */
export interface ObjectStorage {
  readonly name: string;
  /** Stores the bytes (a no-op when the object is already held) and returns their key. */
  put(bytes: Uint8Array): Promise<{ key: string; sizeBytes: number }>;
  /** The object's bytes, or null when none is held under the key. */
  get(key: string): Promise<Uint8Array | null>;
  head(key: string): Promise<{ sizeBytes: number } | null>;
  /** Removes the object; removing one that is not held is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

/** A content-addressed key is 64 lowercase hex digits; anything else is refused before any storage is touched. */
export function isObjectKey(key: string): boolean {
  return KEY.test(key);
}
