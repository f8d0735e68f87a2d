/**
 * Test helpers for SoftHSM2 tokens and keybridge processes, shared by the keybridge, server and e2e tests.
 *
 *   const token = await createSoftHsmToken({ dir, label: "张三的 CA 锁", userPin: "123456" });
 *   const kb = await startKeybridgeProcess({
 *     args: ["--backend", "pkcs11", "--module", token.modulePath, "--state-dir", dir,
 *            "--allowed-origin", "http://127.0.0.1:5173"],
 *     env: token.env,
 *   });
 *   ... fetch(`${kb.url}/v1/keys`, { headers: { origin: "http://127.0.0.1:5173" } }) ...
 *   await kb.stop();
 *
 * Key pairs and certificates are provisioned through the backend (`createPkcs11Backend(...).generateKeyPair`
 * then `.importCertificate`), in a process whose SOFTHSM2_CONF is `token.env.SOFTHSM2_CONF`.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import * as graphene from "graphene-pk11";

const run = promisify(execFile);

const MODULE_CANDIDATES = [
  "/usr/lib/softhsm/libsofthsm2.so", // Debian, Ubuntu
  "/usr/lib64/pkcs11/libsofthsm2.so", // Fedora, RHEL
  "/usr/local/lib/softhsm/libsofthsm2.so", // built from source
  "/opt/homebrew/lib/softhsm/libsofthsm2.so", // macOS (Homebrew)
];

/** The SoftHSM2 module: LNCA_SOFTHSM2_MODULE, or the usual install locations; throws when absent. */
export function softHsmModulePath(): string {
  const candidates = process.env.LNCA_SOFTHSM2_MODULE ? [process.env.LNCA_SOFTHSM2_MODULE] : MODULE_CANDIDATES;
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `SoftHSM2 is not installed (looked for ${candidates.join(", ")}). Install it (apt-get install softhsm2) or set LNCA_SOFTHSM2_MODULE.`,
    );
  }
  return found;
}

export interface SoftHsmToken {
  modulePath: string;
  confPath: string;
  /** The token serial number: the keyId the keybridge reports. */
  serial: string;
  env: { SOFTHSM2_CONF: string };
}

/**
 * Initialises a new SoftHSM2 token whose files live in `dir` (nothing touches the system token folder).
 * Calling it again with the same `dir` adds another token, which shows up as another inserted key.
 */
export async function createSoftHsmToken(options: {
  dir: string;
  label: string;
  userPin: string;
  soPin?: string;
}): Promise<SoftHsmToken> {
  const modulePath = softHsmModulePath();
  const tokenDir = join(options.dir, "softhsm-tokens");
  await mkdir(tokenDir, { recursive: true });
  const confPath = join(options.dir, "softhsm2.conf");
  await writeFile(
    confPath,
    `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
  );
  const env = { SOFTHSM2_CONF: confPath };
  const util = (args: string[]) =>
    run("softhsm2-util", args, { env: { ...process.env, ...env } }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT")
        throw new Error("softhsm2-util not found: install SoftHSM2 (apt-get install softhsm2)");
      throw new Error(`softhsm2-util ${args[0]} failed: ${(error as { stderr?: string }).stderr ?? error.message}`);
    });
  const serialsBefore = parseSerials((await util(["--show-slots"])).stdout);
  const soPin = options.soPin ?? "12345678";
  await util(["--init-token", "--free", "--label", options.label, "--pin", options.userPin, "--so-pin", soPin]);
  const serial = parseSerials((await util(["--show-slots"])).stdout).find((s) => !serialsBefore.includes(s));
  if (!serial) throw new Error("softhsm2-util initialised a token but its serial was not found");
  return { modulePath, confPath, serial, env };
}

/**
 * Runs `work` in a logged-in session on a token behind the keybridge's back, to look at or damage what is
 * stored (graphene tolerates the module being initialised already in this process). The module is never
 * finalised here: a keybridge backend in this process may still use it.
 */
export function withSoftHsmSession<T>(
  modulePath: string,
  serial: string,
  pin: string,
  work: (session: graphene.Session) => T,
): T {
  const module = graphene.Module.load(modulePath, "softhsm2");
  module.initialize();
  const slots = module.getSlots(true);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots.items(i);
    if (slot.getToken().serialNumber !== serial) continue;
    const session = slot.open(graphene.SessionFlag.SERIAL_SESSION | graphene.SessionFlag.RW_SESSION);
    try {
      session.login(pin, graphene.UserType.USER);
      try {
        return work(session);
      } finally {
        session.logout();
      }
    } finally {
      session.close();
    }
  }
  throw new Error(`no SoftHSM2 token ${serial}`);
}

export function countPrivateKeys(modulePath: string, serial: string, pin: string): number {
  return withSoftHsmSession(
    modulePath,
    serial,
    pin,
    (session) => session.find({ class: graphene.ObjectClass.PRIVATE_KEY }).length,
  );
}

function parseSerials(showSlots: string): string[] {
  return [...showSlots.matchAll(/Serial number:\s*(\S+)/g)].map((m) => m[1] as string);
}

export interface KeybridgeProcess {
  url: string;
  port: number;
  /** Everything the process printed, for test failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, as when it crashes or the computer loses power. */
  kill(): Promise<void>;
}

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const READY = /keybridge listening on (http:\/\/127\.0\.0\.1:(\d+))/;

/**
 * Starts `apps/keybridge/src/main.ts` in its own Node process (tsx loader) and resolves once it prints its
 * ready line. Without `--port` in `args` it listens on a free port; `url` and `port` say which.
 */
export async function startKeybridgeProcess(options: {
  args: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<KeybridgeProcess> {
  const args = options.args.includes("--port") ? options.args : [...options.args, "--port", "0"];
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = spawn(process.execPath, ["--import", tsx, MAIN, ...args], {
    env: { ...process.env, LNCA_KEYBRIDGE_LOG_LEVEL: "warn", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const port = await waitForReady(child, () => output, options.timeoutMs ?? 20_000);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: () => stopProcess(child),
    kill: () => stopProcess(child, "SIGKILL"),
  };
}

function waitForReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`keybridge did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = READY.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve(Number(match[2]));
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`keybridge exited with code ${code} before it was ready:\n${output()}`));
    });
  });
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill(signal);
  });
}
