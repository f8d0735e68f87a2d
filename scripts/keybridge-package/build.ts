import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import {
  KEYBRIDGE_PACKAGE_MANIFEST,
  type KeybridgePackageManifest,
  keybridgePackageManifestSchema,
} from "@lnca/contracts";
import packageJson from "../../apps/keybridge/package.json" with { type: "json" };
import { makeArchive } from "./archive";
import { bundleKeybridge } from "./bundle";
import { acquireBuildLock } from "./lock";
import { makeSea } from "./sea";

/** Raise when the way packages are made changes, so that unchanged sources still get a new build. */
const BUILDER_REVISION = "1";
const FILE_PREFIX = "lnca-keybridge-";

export interface BuildKeybridgeOptions {
  outDir: string;
  /** `auto`: a single executable, or the archive when one cannot be made here. */
  kind?: "auto" | "sea" | "archive";
  log?: (message: string) => void;
}

export interface BuildKeybridgeResult {
  manifest: KeybridgePackageManifest;
  file: string;
  /** The package in the folder was already made from exactly these inputs; nothing was rebuilt. */
  skipped: boolean;
}

/**
 * `npm run build:keybridge`: the keybridge as one download for Linux x64 (this machine's Node binary), with
 * `manifest.json` beside it (version, SHA-256, size, kind). Idempotent: inputs (bundle, addons, Node version,
 * requested kind) unchanged and the file still hashing to the manifest → skipped. The file and the manifest are
 * written to temporary names and renamed, manifest last, so a reader never sees one without the other.
 */
export async function buildKeybridgePackage(options: BuildKeybridgeOptions): Promise<BuildKeybridgeResult> {
  const { outDir, kind = "auto", log = () => {} } = options;
  mkdirSync(outDir, { recursive: true });
  const lock = acquireBuildLock(outDir);
  // Work folders of builds that were killed: nobody else uses them while this build holds the lock.
  for (const entry of readdirSync(outDir)) {
    if (entry.startsWith(".work-")) rmSync(path.join(outDir, entry), { recursive: true, force: true });
  }
  const workDir = mkdtempSync(path.join(outDir, ".work-"));
  try {
    const version = packageJson.version;
    const platform = `${process.platform}-${process.arch}`;
    const bundle = await bundleKeybridge();
    const inputs = createHash("sha256")
      .update(JSON.stringify([BUILDER_REVISION, kind, process.version, platform, version]))
      .update(bundle.code);
    for (const [name, file] of [...bundle.addons].sort()) inputs.update(name).update(readFileSync(file));
    const inputsDigest = inputs.digest("hex");
    const existing = readManifest(outDir);
    if (existing?.inputs === inputsDigest) {
      const file = path.join(outDir, existing.fileName);
      if (existsSync(file) && (await sha256File(file)) === existing.sha256) {
        log(`拓展程序安装包已是最新：${existing.fileName}`);
        return { manifest: existing, file, skipped: true };
      }
    }
    const bundleFile = path.join(workDir, "keybridge.cjs");
    writeFileSync(bundleFile, bundle.code);
    const base = `${FILE_PREFIX}${version}-${platform}`;
    const made = await makePackage({ kind, base, bundleFile, addons: bundle.addons, workDir, version, log });
    const manifest: KeybridgePackageManifest = keybridgePackageManifestSchema.parse({
      fileName: path.basename(made.file),
      version,
      sha256: await sha256File(made.file),
      size: statSync(made.file).size,
      builtAt: new Date().toISOString(),
      kind: made.kind,
      platform,
      nodeVersion: process.version,
      inputs: inputsDigest,
    });
    const file = path.join(outDir, manifest.fileName);
    renameSync(made.file, file);
    const manifestPartial = path.join(workDir, KEYBRIDGE_PACKAGE_MANIFEST);
    writeFileSync(manifestPartial, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(manifestPartial, path.join(outDir, KEYBRIDGE_PACKAGE_MANIFEST));
    for (const stale of readdirSync(outDir)) {
      if (stale.startsWith(FILE_PREFIX) && stale !== manifest.fileName)
        rmSync(path.join(outDir, stale), { force: true });
    }
    log(`拓展程序安装包：${file}（${manifest.kind}，SHA-256 ${manifest.sha256}）`);
    return { manifest, file, skipped: false };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    lock.release();
  }
}

async function makePackage(input: {
  kind: "auto" | "sea" | "archive";
  base: string;
  bundleFile: string;
  addons: Map<string, string>;
  workDir: string;
  version: string;
  log: (message: string) => void;
}): Promise<{ kind: "sea" | "archive"; file: string }> {
  const { kind, base, bundleFile, addons, workDir, version, log } = input;
  if (kind !== "archive") {
    const output = path.join(workDir, base);
    try {
      makeSea({ bundleFile, addons, workDir, output });
      expectVersion(output, version);
      return { kind: "sea", file: output };
    } catch (error) {
      if (kind === "sea") throw error;
      rmSync(output, { force: true });
      log(`无法生成单文件可执行程序，改为自带 Node.js 的压缩包：${(error as Error).message}`);
    }
  }
  const output = path.join(workDir, `${base}.tar.gz`);
  await makeArchive({ bundleFile, addons, workDir, folder: base, output });
  expectVersion(path.join(workDir, base, "lnca-keybridge"), version);
  return { kind: "archive", file: output };
}

/** The made program must start and name its version before it is published. */
function expectVersion(executable: string, version: string): void {
  const result = spawnSync(executable, ["--version"], { encoding: "utf8", timeout: 30_000 });
  if (result.status !== 0 || result.stdout.trim() !== version) {
    throw new Error(
      `${path.basename(executable)} --version answered ${result.status}: ${result.stdout}${result.stderr}`,
    );
  }
}

export function readManifest(outDir: string): KeybridgePackageManifest | null {
  try {
    const text = readFileSync(path.join(outDir, KEYBRIDGE_PACKAGE_MANIFEST), "utf8");
    return keybridgePackageManifestSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
