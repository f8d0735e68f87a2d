/**
 * `npm run build:keybridge` end to end: the package is built into a temporary folder, its manifest checked
 * against the file's bytes, and the built program itself run — `--version`, then as a keybridge reaching a
 * SoftHSM2 token, which needs the native PKCS#11 addon the package carries (extracted by a single executable,
 * loaded from beside the bundle in the archive).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildKeybridgePackage, readManifest } from "../../../scripts/keybridge-package/build";
import { acquireBuildLock } from "../../../scripts/keybridge-package/lock";
import packageJson from "../package.json" with { type: "json" };
import { createSoftHsmToken } from "../src/testing/softhsm";

const ORIGIN = "http://localhost:3000";
const temp = mkdtempSync(path.join(tmpdir(), "lnca-keybridge-package-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(temp, { recursive: true, force: true });
});

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Starts a built keybridge and resolves with its URL once it prints its ready line. */
function startBuilt(command: string, args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(command, [...args, "--port", "0", "--allowed-origin", ORIGIN], {
    env: { ...process.env, LNCA_KEYBRIDGE_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /keybridge listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { origin: ORIGIN } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The program answers its version, and as a PKCS#11 keybridge lists the SoftHSM2 token. */
async function expectWorkingKeybridge(command: string, home: string): Promise<void> {
  const version = spawnSync(command, ["--version"], { encoding: "utf8", env: { ...process.env, HOME: home } });
  expect(version.stderr).toBe("");
  expect(version.stdout.trim()).toBe(packageJson.version);
  const token = await createSoftHsmToken({ dir: path.join(home, "softhsm"), label: "打包测试", userPin: "111111" });
  const url = await startBuilt(command, ["--backend", "pkcs11", "--module", token.modulePath], {
    ...token.env,
    HOME: home,
  });
  expect(await getJson(`${url}/v1/status`)).toMatchObject({ version: packageJson.version, backend: "pkcs11" });
  const { keys } = (await getJson(`${url}/v1/keys`)) as { keys: { label: string; keyId: string }[] };
  expect(keys.map((key) => key.keyId)).toContain(token.serial);
}

describe("npm run build:keybridge", () => {
  it("builds a package whose manifest matches its bytes, runs it, skips an unchanged rebuild, reproducibly", async () => {
    const outDir = path.join(temp, "auto");
    const built = await buildKeybridgePackage({ outDir });
    expect(built.skipped).toBe(false);
    const manifest = readManifest(outDir);
    expect(manifest).toEqual(built.manifest);
    expect(manifest?.sha256).toBe(sha256(built.file));
    expect(manifest?.size).toBe(statSync(built.file).size);
    expect(manifest?.version).toBe(packageJson.version);
    expect(path.basename(built.file)).toBe(manifest?.fileName);
    // Where Node's SEA builds (an official Node binary carries its fuse), the package is one executable.
    if (built.manifest.kind === "sea") {
      await expectWorkingKeybridge(built.file, path.join(temp, "home-sea"));
    } else {
      const unpacked = path.join(temp, "unpacked-auto");
      mkdirSync(unpacked, { recursive: true });
      expect(spawnSync("tar", ["-xzf", built.file, "-C", unpacked]).status).toBe(0);
      const folder = manifest?.fileName.replace(/\.tar\.gz$/, "") ?? "";
      await expectWorkingKeybridge(path.join(unpacked, folder, "lnca-keybridge"), path.join(temp, "home-auto"));
    }

    const modified = statSync(built.file).mtimeMs;
    const again = await buildKeybridgePackage({ outDir });
    expect(again.skipped).toBe(true);
    expect(again.manifest).toEqual(built.manifest);
    expect(statSync(built.file).mtimeMs).toBe(modified);

    // Built again from nothing in another folder, the same inputs give the same bytes.
    const elsewhere = await buildKeybridgePackage({ outDir: path.join(temp, "auto-again") });
    expect(elsewhere.manifest.sha256).toBe(built.manifest.sha256);
  }, 240_000);

  it("builds the archive variant: Node, the bundle and the addon with a start script, reproducibly", async () => {
    const outDir = path.join(temp, "archive");
    const built = await buildKeybridgePackage({ outDir, kind: "archive" });
    expect(built.manifest.kind).toBe("archive");
    expect(built.manifest.fileName).toMatch(/\.tar\.gz$/);
    expect(sha256(built.file)).toBe(built.manifest.sha256);
    const listing = spawnSync("tar", ["-tzf", built.file], { encoding: "utf8" }).stdout.split("\n");
    const folder = built.manifest.fileName.replace(/\.tar\.gz$/, "");
    for (const entry of ["lnca-keybridge", "lib/node", "lib/keybridge.cjs", "lib/pkcs11.node", "README.txt"]) {
      expect(listing).toContain(`${folder}/${entry}`);
    }
    const unpacked = path.join(temp, "unpacked");
    mkdirSync(unpacked, { recursive: true });
    expect(spawnSync("tar", ["-xzf", built.file, "-C", unpacked]).status).toBe(0);
    await expectWorkingKeybridge(path.join(unpacked, folder, "lnca-keybridge"), path.join(temp, "home-archive"));

    // Built again from nothing, the same inputs give the same bytes.
    const again = await buildKeybridgePackage({ outDir: path.join(temp, "archive-again"), kind: "archive" });
    expect(again.manifest.sha256).toBe(built.manifest.sha256);
  }, 240_000);

  it("refuses a second build of the same folder while one runs, and takes over a dead builder's lock", async () => {
    const outDir = path.join(temp, "locked");
    mkdirSync(outDir, { recursive: true });
    const running = acquireBuildLock(outDir);
    await expect(buildKeybridgePackage({ outDir, kind: "archive" })).rejects.toThrow(/另一个构建正在进行/);
    running.release();
    writeFileSync(path.join(outDir, "build.lock"), JSON.stringify({ pid: 2 ** 22 + 1 }));
    acquireBuildLock(outDir).release();
  });
});
