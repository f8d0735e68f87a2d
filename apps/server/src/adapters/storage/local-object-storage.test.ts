import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/app-error";
import { LocalObjectStorage } from "./local-object-storage";

const folder = () => mkdtempSync(path.join(os.tmpdir(), "lnca-storage-"));
const bytes = (text: string) => new TextEncoder().encode(text);
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("local object storage", () => {
  it("keys an object by the SHA-256 of its bytes and gives them back", async () => {
    const storage = new LocalObjectStorage(folder());
    const data = bytes("营业执照扫描件");
    const { key, sizeBytes } = await storage.put(data);
    expect(key).toBe(sha256(data));
    expect(sizeBytes).toBe(data.byteLength);
    expect(await storage.get(key)).toEqual(data);
    expect(await storage.head(key)).toEqual({ sizeBytes: data.byteLength });
  });

  it("stores the same content once, and different content apart", async () => {
    const root = folder();
    const storage = new LocalObjectStorage(root);
    const first = await storage.put(bytes("a"));
    expect((await storage.put(bytes("a"))).key).toBe(first.key);
    const second = await storage.put(bytes("b"));
    expect(second.key).not.toBe(first.key);
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => e.name).sort()).toEqual([first.key, second.key].sort());
  });

  it("answers null for an object it does not hold, and deletes idempotently", async () => {
    const storage = new LocalObjectStorage(folder());
    const { key } = await storage.put(bytes("to be removed"));
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.head(key)).toBeNull();
  });

  it("writes through a temporary file and leaves none behind, even when writers race", async () => {
    const root = folder();
    const storage = new LocalObjectStorage(root);
    const data = bytes("x".repeat(100_000));
    const keys = await Promise.all(Array.from({ length: 8 }, () => storage.put(data)));
    expect(new Set(keys.map((k) => k.key)).size).toBe(1);
    const names = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    expect(names).toEqual([sha256(data)]);
    expect(await storage.get(sha256(data))).toEqual(data);
  });

  it.each(["../../../etc/passwd", `../${"a".repeat(62)}`, "A".repeat(64), "a".repeat(63), `${"a".repeat(64)}/`, ""])(
    "refuses the key %j before touching the file system",
    async (key) => {
      const root = folder();
      // A file the traversal would reach if the key were joined onto the folder as it is.
      writeFileSync(path.join(root, "secret"), "secret");
      const storage = new LocalObjectStorage(path.join(root, "objects"));
      for (const attempt of [() => storage.get(key), () => storage.head(key), () => storage.delete(key)]) {
        await expect(attempt()).rejects.toBeInstanceOf(AppError);
      }
      expect(readFileSync(path.join(root, "secret"), "utf8")).toBe("secret");
    },
  );
});
