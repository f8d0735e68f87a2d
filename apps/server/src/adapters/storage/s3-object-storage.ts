import { createHash } from "node:crypto";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { AppError } from "../../shared/app-error";
import { isObjectKey, type ObjectStorage } from "./object-storage";

export interface S3StorageSettings {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `bucket` in the path (MinIO, most self-hosted servers) instead of in the host name (AWS, OSS, COS). */
  forcePathStyle: boolean;
  /** Objects live under `<prefix>/<key>`, so one bucket can hold several installations; "" for the bucket's root. */
  prefix: string;
}

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS), keyed exactly like the local
 * folder: the SHA-256 of the bytes. Because a key names its content, writing an object that is already held
 * would store the same bytes again: put asks first (HEAD) and skips the upload; two writers racing past the
 * HEAD both upload identical bytes, harmlessly. No conditional put: not every S3-compatible service honours it.
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly name = "s3";
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(settings: S3StorageSettings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // The SDK's default checksum trailers (aws-chunked CRC32) are refused by several S3-compatible services
      // (OSS, COS, older MinIO); send and check checksums only where the API requires them.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    this.bucket = settings.bucket;
    const prefix = settings.prefix.replace(/^\/+|\/+$/g, "");
    this.prefix = prefix ? `${prefix}/` : "";
  }

  async put(bytes: Uint8Array): Promise<{ key: string; sizeBytes: number }> {
    const key = createHash("sha256").update(bytes).digest("hex");
    if (!(await this.head(key))) {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.objectOf(key),
          Body: bytes,
          ContentLength: bytes.byteLength,
          // Never served by the bucket itself (the server checks who may read a file); a neutral type anyway.
          ContentType: "application/octet-stream",
        }),
      );
    }
    return { key, sizeBytes: bytes.byteLength };
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key) }));
      if (!object.Body) return null;
      return await object.Body.transformToByteArray();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<{ sizeBytes: number } | null> {
    try {
      const object = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key) }));
      return { sizeBytes: object.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** S3's DELETE of a missing object already succeeds, so removing twice is not an error. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectOf(key) }));
  }

  /** Closes the client's connections (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }

  /** The only way from a key to an object name: anything but 64 hex digits is refused before a request. */
  private objectOf(key: string): string {
    if (!isObjectKey(key)) throw new AppError("NOT_FOUND", "文件不存在");
    return `${this.prefix}${key}`;
  }
}

/**
 * GET of a missing object answers NoSuchKey; HEAD has no body, so the SDK names its 404 NotFound. A missing
 * bucket (NoSuchBucket) is a configuration error and is thrown, not taken for a missing object.
 */
function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound");
}
