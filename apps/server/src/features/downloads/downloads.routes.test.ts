/**
 * 下载中心 through the API: the keybridge package as `npm run build:keybridge` leaves it (here a folder the test
 * writes: missing, built, being built, not matching its manifest), the blank 电子签章印模采集表 and the FAQ PDF,
 * each served as an attachment whose bytes hash to the SHA-256 the list shows.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ConsoleDownloadList, DownloadItem, DownloadList, KeybridgePackageManifest } from "@lnca/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiClient, expectError, staffClient } from "../../../test/support/api-client";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

let t: TestApp;
let anon: ApiClient;
const dist = mkdtempSync(path.join(tmpdir(), "lnca-downloads-"));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  t = await createTestApp({ config: { keybridgeDist: dist } });
  anon = new ApiClient(t.app);
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});
beforeEach(() => {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
});

/** What the build script writes: the package file and its manifest. */
function publish(bytes: Buffer, overrides: Partial<KeybridgePackageManifest> = {}): KeybridgePackageManifest {
  const manifest: KeybridgePackageManifest = {
    fileName: "lnca-keybridge-0.1.0-linux-x64",
    version: "0.1.0",
    sha256: sha256(bytes),
    size: bytes.length,
    builtAt: "2026-11-30T05:00:00.000Z",
    kind: "sea",
    platform: "linux-x64",
    nodeVersion: "v20.20.2",
    inputs: "0".repeat(64),
    ...overrides,
  };
  writeFileSync(path.join(dist, manifest.fileName), bytes);
  writeFileSync(path.join(dist, "manifest.json"), JSON.stringify(manifest));
  return manifest;
}

async function items(): Promise<Record<string, DownloadItem>> {
  const response = await anon.get("/api/v1/downloads");
  expect(response.statusCode).toBe(200);
  return Object.fromEntries((response.json() as DownloadList).items.map((item) => [item.name, item]));
}

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "lnca-download-pdf-")), "d.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

describe("GET /api/v1/downloads", () => {
  it("lists the keybridge as not built yet, saying how to build it, and refuses its download", async () => {
    const { keybridge } = await items();
    expect(keybridge).toMatchObject({ url: null, sha256: null, version: null });
    expect(keybridge?.unavailableReason).toContain("npm run build:keybridge");
    expectError(await anon.get("/api/v1/downloads/keybridge"), 404, "DOWNLOAD_NOT_READY");
  });

  it("offers a built package with its version, SHA-256 and size, and streams exactly those bytes", async () => {
    const bytes = randomBytes(200_000);
    const manifest = publish(bytes);
    const { keybridge } = await items();
    expect(keybridge).toMatchObject({
      url: "/api/v1/downloads/keybridge",
      fileName: manifest.fileName,
      version: "0.1.0",
      sha256: manifest.sha256,
      size: bytes.length,
      unavailableReason: null,
    });
    const response = await anon.get("/api/v1/downloads/keybridge");
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers["content-type"]).toBe("application/octet-stream");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="${manifest.fileName}"; filename*=UTF-8''${manifest.fileName}`,
    );
    expect(response.headers.etag).toBe(`"${manifest.sha256}"`);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves the archive variant as gzip", async () => {
    publish(randomBytes(1000), { kind: "archive", fileName: "lnca-keybridge-0.1.0-linux-x64.tar.gz" });
    const response = await anon.get("/api/v1/downloads/keybridge");
    expect(response.headers["content-type"]).toBe("application/gzip");
    expect((await items()).keybridge?.description).toContain("解压");
  });

  it("does not offer a file that no longer matches its manifest", async () => {
    const manifest = publish(randomBytes(5000));
    writeFileSync(path.join(dist, manifest.fileName), randomBytes(5000));
    const { keybridge } = await items();
    expect(keybridge?.url).toBeNull();
    expect(keybridge?.unavailableReason).toContain("不符");
    expectError(await anon.get("/api/v1/downloads/keybridge"), 404, "DOWNLOAD_NOT_READY");
  });

  it("says the package is being built while a live build holds the lock", async () => {
    writeFileSync(path.join(dist, "build.lock"), JSON.stringify({ pid: process.pid }));
    expect((await items()).keybridge?.unavailableReason).toContain("正在构建");
    // A lock left by a process that is gone is no build.
    writeFileSync(path.join(dist, "build.lock"), JSON.stringify({ pid: 2 ** 22 + 1 }));
    expect((await items()).keybridge?.unavailableReason).toContain("尚未构建");
  });

  it("serves the blank 电子签章印模采集表 and the FAQ as PDF attachments hashing to the listed SHA-256", async () => {
    const listed = await items();
    const cases = [
      { name: "seal-form", fileName: "电子签章印模采集表.pdf", text: ["电子签章印模采集表", "单位公章印模"] },
      {
        name: "faq",
        fileName: "网联新平台上线常见问题及注意事项.pdf",
        text: ["网联新平台上线常见问题及注意事项", "本地网络访问", "还可尝试", "2 小时", "办理点"],
      },
    ];
    for (const { name, fileName, text } of cases) {
      const response = await anon.get(`/api/v1/downloads/${name}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toBe(
        `attachment; filename="${name}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      expect(response.headers["content-security-policy"]).toBe("sandbox");
      expect(sha256(response.rawPayload)).toBe(listed[name]?.sha256);
      expect(response.rawPayload.length).toBe(listed[name]?.size);
      const extracted = pdfText(response.rawPayload).replace(/\s+/g, "");
      for (const expected of text) expect(extracted).toContain(expected.replace(/\s+/g, ""));
    }
  });

  it("refuses names that are not downloads, however they are written", async () => {
    publish(randomBytes(100));
    for (const name of ["manifest.json", "build.lock", "keybridge%00", "KEYBRIDGE", "lnca-keybridge-0.1.0-linux-x64"]) {
      expectError(await anon.get(`/api/v1/downloads/${name}`), 400, "VALIDATION_FAILED");
    }
    // Paths that leave the route are not found at all.
    for (const name of ["..%2Fmanifest.json", "%2e%2e/%2e%2e/manifest.json", "faq/..%2F..%2Fmanifest.json"]) {
      expect([400, 404]).toContain((await anon.get(`/api/v1/downloads/${name}`)).statusCode);
    }
  });
});

describe("GET /api/v1/console/downloads", () => {
  it("gives staff the build information; nobody else", async () => {
    const manifest = publish(randomBytes(3000));
    expectError(await anon.get("/api/v1/console/downloads"), 401, "UNAUTHENTICATED");
    for (const role of ["operator", "reviewer"] as const) {
      const response = await (await staffClient(t, role)).get("/api/v1/console/downloads");
      expect(response.statusCode).toBe(200);
      const body = response.json() as ConsoleDownloadList;
      expect(body.keybridgeBuild).toMatchObject({ status: "built", verified: true, manifest, directory: dist });
      expect(body.items.map((item) => item.name)).toEqual(["keybridge", "seal-form", "faq"]);
    }
  });
});
