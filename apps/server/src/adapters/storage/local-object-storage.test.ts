import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalObjectStorage } from "./local-object-storage";
import { objectStorageContract } from "./object-storage.contract";

const folder = () => mkdtempSync(path.join(os.tmpdir(), "lnca-storage-"));

/** Every file under the folder, temporary ones included, by name. */
const filesUnder = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);

objectStorageContract("local", async () => {
  const root = folder();
  return { storage: new LocalObjectStorage(root), heldNames: async () => filesUnder(root) };
});

describe("local object storage", () => {
  it("spreads objects over subfolders named by the key's first two digits", async () => {
    const root = folder();
    const { key } = await new LocalObjectStorage(root).put(new TextEncoder().encode("营业执照"));
    expect(readdirSync(path.join(root, key.slice(0, 2)))).toEqual([key]);
  });

  it("never lets a traversal key reach a file beside its folder", async () => {
    const root = folder();
    // A file the traversal would reach if the key were joined onto the folder as it is.
    writeFileSync(path.join(root, "secret"), "secret");
    const storage = new LocalObjectStorage(path.join(root, "objects"));
    await expect(storage.delete("../secret")).rejects.toThrow("文件不存在");
    await expect(storage.get("../secret")).rejects.toThrow("文件不存在");
    expect(readFileSync(path.join(root, "secret"), "utf8")).toBe("secret");
  });
});
