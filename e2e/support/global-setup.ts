/**
 * One environment for the whole browser-test run: the real server (child process, demo catalog and console
 * accounts seeded) on a fresh database — a SQLite file in a temp folder, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set — and SoftHSM2 tokens (people.ts `tokens`) provisioned with keys whose
 * certificates come from the server's own CA; the demo seed's soft-token file lies in the server's DATA_DIR,
 * and 刘洋's demo key is also moved onto a SoftHSM2 token of its own (J6 updates it there). The demo receiving
 * platform runs too, where the seed points the demo platforms' webhooks. The keybridge runs in the test worker
 * (see fixtures.ts) so a test can stop and start it, or switch it to the demo file or to 刘洋's token.
 * The returned function is the global teardown; a failure half-way cleans up what was started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createSoftHsmToken, softHsmModulePath } from "../../apps/keybridge/src/testing/softhsm";
import { ensureWebBuild } from "../../scripts/web-build";
import { CHROMIUM } from "./browser";
import { liuYangKey, PIN, tokens as plannedTokens, type TokenName } from "./people";
import { captureOutput, freePort, stopProcessGroup } from "./processes";
import { type E2eState, STATE_ENV } from "./state";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const resultsDir = path.join(root, "e2e/test-results");

type Cleanup = () => Promise<void>;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const cleanups: Cleanup[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error("e2e teardown:", error);
      }
    }
  };
  try {
    await setUp(cleanups);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function setUp(cleanups: Cleanup[]): Promise<void> {
  // Without these the run would prove nothing; never skip, never download a browser.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run npm run setup:system`);
  const modulePath = softHsmModulePath();
  ensureWebBuild();

  const dir = await mkdtemp(path.join(tmpdir(), "lnca-e2e-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, "data");
  await mkdir(dataDir);

  const databaseUrl = await createPostgresDatabase(cleanups);
  const [serverPort, keybridgePort, demoPlatformPort] = [await freePort(), await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${serverPort}`;
  const demoPlatformUrl = `http://127.0.0.1:${demoPlatformPort}`;
  const serverEnv: Record<string, string> = {
    PORT: String(serverPort),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: origin,
    KEYBRIDGE_URL: `http://127.0.0.1:${keybridgePort}`,
    SECRET_KEY: randomBytes(32).toString("base64url"),
    DEMO: "true",
    LOG_LEVEL: "warn",
    // The 下载中心's keybridge package: empty at first, so the tests see both "not built" and a package.
    KEYBRIDGE_DIST: path.join(dir, "keybridge-dist"),
    DEMO_PLATFORM_URL: demoPlatformUrl,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  await startService(
    "server",
    ["apps/server/src/main.ts"],
    { ...process.env, ...serverEnv },
    `${origin}/api/v1/health`,
    cleanups,
  );
  // Its accounts (keys and webhook secrets) were written by the server's demo seed.
  await startService(
    "demo-platform",
    [
      "apps/demo-platform/src/main.ts",
      "--accounts",
      path.join(dataDir, "demo-platforms.json"),
      "--port",
      String(demoPlatformPort),
      "--api",
      `${origin}/api/v1`,
    ],
    process.env,
    `${demoPlatformUrl}/api/received`,
    cleanups,
  );

  // Created one after another: each new token is found by the serial it adds to the slot list.
  const tokenSerials = {} as Record<TokenName, string>;
  let softHsmEnv: Record<string, string> = {};
  for (const [name, token] of Object.entries(plannedTokens) as [TokenName, { label: string }][]) {
    const created = await createSoftHsmToken({ dir, label: token.label, userPin: PIN });
    tokenSerials[name] = created.serial;
    softHsmEnv = created.env;
  }
  const provisionOut = path.join(dir, "provisioned.json");
  await run(tsx, [path.join(root, "e2e/support/provision-keys.ts")], {
    ...serverEnv,
    ...softHsmEnv,
    E2E_MODULE: modulePath,
    E2E_TOKEN_SERIALS: JSON.stringify(tokenSerials),
    E2E_PROVISION_STATE_DIR: path.join(dir, "provision-state"),
    E2E_PROVISION_OUT: provisionOut,
  });
  const demoKeysFile = path.join(dataDir, "demo-keys.softtoken.json");
  if (!existsSync(demoKeysFile)) throw new Error(`the demo seed wrote no ${demoKeysFile}`);

  // 刘洋's key on a SoftHSM2 token of its own: the other tests' inserted keys stay as they are.
  const liuYangDir = path.join(dir, "liuyang");
  const liuYangToken = await createSoftHsmToken({ dir: liuYangDir, label: liuYangKey.label, userPin: PIN });
  await run(tsx, [path.join(root, "e2e/support/move-demo-key.ts")], {
    ...liuYangToken.env,
    E2E_MODULE: modulePath,
    E2E_DEMO_KEYS_FILE: demoKeysFile,
    E2E_DEMO_KEY_ID: liuYangKey.demoKeyId,
    E2E_TOKEN_SERIAL: liuYangToken.serial,
    E2E_TOKEN_LABEL: liuYangKey.label,
    E2E_CERT_ID: liuYangKey.certId,
    E2E_PROVISION_STATE_DIR: path.join(liuYangDir, "provision-state"),
  });

  /** The keybridge on the SoftHSM2 tokens of one SOFTHSM2_CONF (given by its environment), without --port. */
  const pkcs11Args = (stateDir: string) => [
    "--backend",
    "pkcs11",
    "--module",
    modulePath,
    "--allowed-origin",
    origin,
    "--state-dir",
    stateDir,
  ];
  const state: E2eState = {
    baseUrl: origin,
    database: databaseUrl ? "postgres" : "sqlite",
    keybridgeDist: serverEnv.KEYBRIDGE_DIST as string,
    keybridge: {
      port: keybridgePort,
      args: pkcs11Args(path.join(dir, "keybridge-state")),
      env: softHsmEnv,
      demoArgs: [
        "--backend",
        "softtoken",
        "--file",
        demoKeysFile,
        "--allowed-origin",
        origin,
        "--state-dir",
        path.join(dir, "keybridge-demo-state"),
      ],
      liuYang: {
        args: pkcs11Args(path.join(liuYangDir, "keybridge-state")),
        env: liuYangToken.env,
        serial: liuYangToken.serial,
        modulePath,
      },
    },
    demoPlatformUrl,
    tokenSerials,
    registryCertificate: JSON.parse(await readFile(provisionOut, "utf8")),
  };
  process.env[STATE_ENV] = JSON.stringify(state);
  console.info(`e2e: server ${origin} on ${state.database}, keybridge port ${keybridgePort}`);
}

/** A new database on the TEST_DATABASE_URL server for this run, dropped in teardown; undefined for SQLite. */
async function createPostgresDatabase(cleanups: Cleanup[]): Promise<string | undefined> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return undefined;
  const name = `lnca_e2e_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  cleanups.push(() => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Starts `tsx <args>` in its own process group and waits until `healthUrl` answers; teardown stops it. */
async function startService(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  healthUrl: string,
  cleanups: Cleanup[],
): Promise<void> {
  const child = spawn(tsx, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: teardown stops tsx and the node process under it
  });
  const output = captureOutput(child, 200_000);
  cleanups.push(async () => {
    await stopProcessGroup(child);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(path.join(resultsDir, `${name}.log`), output());
  });
  await waitForHealth(name, child, healthUrl, output);
}

async function waitForHealth(name: string, child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}) before it was ready:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer ${url} within 120 s:\n${output()}`);
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = captureOutput(child);
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} failed (${code}):\n${output()}`)),
    );
  });
}
