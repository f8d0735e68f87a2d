import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectStorageContract } from "./object-storage.contract";
import { S3ObjectStorage, type S3StorageSettings } from "./s3-object-storage";

// An S3 server speaking the real REST API, in this process, on a random port, over a temporary folder.
let server: S3rver;
let directory: string;
let settings: Omit<S3StorageSettings, "bucket" | "prefix">;
let admin: S3Client;
const opened: S3ObjectStorage[] = [];

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), "lnca-s3rver-"));
  server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  // s3rver checks request signatures against its one built-in account.
  settings = {
    endpoint: `http://127.0.0.1:${port}`,
    region: "cn-north-1",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  admin = new S3Client({ ...settings, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
});

afterAll(async () => {
  for (const storage of opened) storage.close();
  admin?.destroy();
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** A fresh bucket, so every test starts empty. */
async function newBucket(): Promise<string> {
  const bucket = `lnca-${randomUUID()}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

function open(bucket: string, prefix: string): S3ObjectStorage {
  const storage = new S3ObjectStorage({ ...settings, bucket, prefix });
  opened.push(storage);
  return storage;
}

/** Every object name in the bucket, whatever its prefix. */
async function objectNames(bucket: string): Promise<string[]> {
  const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "");
}

objectStorageContract("S3", async () => {
  const bucket = await newBucket();
  return {
    storage: open(bucket, "lnca/files"),
    heldNames: async () => (await objectNames(bucket)).map((name) => name.replace(/^lnca\/files\//, "")),
  };
});

describe("S3 object storage", () => {
  it("keeps objects under the prefix, however its slashes are written, or at the bucket's root without one", async () => {
    const bucket = await newBucket();
    const data = new TextEncoder().encode("电子签章印模采集表");
    const { key } = await open(bucket, "/tenant-a/").put(data);
    await open(bucket, "").put(data);
    expect((await objectNames(bucket)).sort()).toEqual([key, `tenant-a/${key}`].sort());
    expect(await open(bucket, "tenant-a").get(key)).toEqual(data);
  });

  it("fails loudly on a bucket that does not exist instead of reporting files missing", async () => {
    const storage = open(`lnca-missing-${randomUUID()}`, "");
    await expect(storage.get("a".repeat(64))).rejects.toThrow(/bucket/i);
  });
});
