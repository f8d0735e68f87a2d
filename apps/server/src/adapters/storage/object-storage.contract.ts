import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/app-error";
import type { ObjectStorage } from "./object-storage";

/** One storage under test, fresh and empty, with a look at what it holds underneath the interface. */
export interface StorageUnderTest {
  storage: ObjectStorage;
  /**
   * The names of everything the backend holds (file names, bucket object names less the configured prefix),
   * so a leftover temporary file or an object outside the prefix shows up as a name that is not a key.
   */
  heldNames(): Promise<string[]>;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * The behaviour every ObjectStorage must have, registered for one implementation: the local folder and the
 * S3 adapter run the same tests (issue 9, acceptance 5).
 */
export function objectStorageContract(name: string, open: () => Promise<StorageUnderTest>): void {
  describe(`${name} object storage (contract)`, () => {
    it("keys an object by the SHA-256 of its bytes and gives them back", async () => {
      const { storage } = await open();
      const data = bytes("营业执照扫描件");
      const { key, sizeBytes } = await storage.put(data);
      expect(key).toBe(sha256(data));
      expect(sizeBytes).toBe(data.byteLength);
      expect(await storage.get(key)).toEqual(data);
      expect(await storage.head(key)).toEqual({ sizeBytes: data.byteLength });
    });

    it("keeps binary content byte for byte, the empty object included", async () => {
      const { storage } = await open();
      const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 131) % 256);
      for (const data of [binary, new Uint8Array(0)]) {
        const { key } = await storage.put(data);
        expect(await storage.get(key)).toEqual(data);
        expect(await storage.head(key)).toEqual({ sizeBytes: data.byteLength });
      }
    });

    it("stores the same content once, and different content apart", async () => {
      const { storage, heldNames } = await open();
      const first = await storage.put(bytes("a"));
      expect((await storage.put(bytes("a"))).key).toBe(first.key);
      const second = await storage.put(bytes("b"));
      expect(second.key).not.toBe(first.key);
      expect((await heldNames()).sort()).toEqual([first.key, second.key].sort());
    });

    it("answers null for an object it does not hold, and deletes idempotently", async () => {
      const { storage, heldNames } = await open();
      expect(await storage.get(sha256(bytes("never stored")))).toBeNull();
      const { key } = await storage.put(bytes("to be removed"));
      await storage.delete(key);
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      expect(await storage.head(key)).toBeNull();
      expect(await heldNames()).toEqual([]);
    });

    it("ends with one object when writers of the same content race", async () => {
      const { storage, heldNames } = await open();
      const data = bytes("x".repeat(100_000));
      const keys = await Promise.all(Array.from({ length: 8 }, () => storage.put(data)));
      expect(new Set(keys.map((k) => k.key))).toEqual(new Set([sha256(data)]));
      expect(await heldNames()).toEqual([sha256(data)]);
      expect(await storage.get(sha256(data))).toEqual(data);
    });

    it.each(["../../../etc/passwd", `../${"a".repeat(62)}`, "A".repeat(64), "a".repeat(63), `${"a".repeat(64)}/`, ""])(
      "refuses the key %j before touching the backend",
      async (key) => {
        const { storage } = await open();
        for (const attempt of [() => storage.get(key), () => storage.head(key), () => storage.delete(key)]) {
          await expect(attempt()).rejects.toBeInstanceOf(AppError);
        }
      },
    );
  });
}
