/**
 * `npm start`: the whole demo on one machine. Builds the web app when it has no current build, starts the
 * server (which migrates and, on an empty database, seeds the demo), then — in demo mode — the keybridge
 * with the demo soft-token keys, as a user's PC would run it, the demo trading platform that receives the
 * webhooks (apps/demo-platform), and — once the server answers, so that it never waits for it —
 * `npm run build:keybridge` in the background for the 下载中心 (skipped when the package is current). Ctrl+C
 * stops them all.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { ensureWebBuild } from "./web-build";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env };
const port = Number(env.PORT ?? 3000);
const dataDir = path.resolve(root, env.DATA_DIR ?? "data");
const demo = (env.DEMO ?? "true") === "true";
const publicOrigin = (env.PUBLIC_ORIGIN ?? `http://localhost:${port}`).replace(/\/$/, "");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const children: ChildProcess[] = [];

function run(name: string, args: string[]): ChildProcess {
  const child = spawn(tsx, args, { cwd: root, env: { ...env, DATA_DIR: dataDir }, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (name === "server") {
      stopAll();
      process.exit(code ?? (signal ? 0 : 1));
    }
    const busy = name === "keybridge" ? "拓展程序" : "演示交易平台";
    if (code) console.warn(`[${name}] 已退出（${code}）。若提示端口被占用，说明本机已在运行${busy}。`);
  });
  children.push(child);
  return child;
}

function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("服务器未能在 3 分钟内启动");
}

/** The download centre's keybridge package; a failure is reported and leaves the platform running. */
function buildKeybridgePackage(): void {
  const child = spawn(tsx, ["scripts/build-keybridge.ts"], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => {
    if (code)
      console.warn(
        `[build:keybridge] 拓展程序安装包构建失败（${code}），下载中心暂不提供；可稍后执行 npm run build:keybridge。`,
      );
  });
  children.push(child);
}

ensureWebBuild();

process.on("SIGINT", () => stopAll());
process.on("SIGTERM", () => stopAll());

run("server", ["apps/server/src/main.ts"]);
await waitForServer();
buildKeybridgePackage();
if (demo && env.START_KEYBRIDGE !== "false") {
  const origins = new Set([publicOrigin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  run("keybridge", [
    "apps/keybridge/src/main.ts",
    "--backend",
    "softtoken",
    "--file",
    path.join(dataDir, "demo-keys.softtoken.json"),
    ...[...origins].flatMap((o) => ["--allowed-origin", o]),
  ]);
}
if (demo && env.START_DEMO_PLATFORM !== "false") {
  // The trading platform that receives the webhooks (its accounts were written by the demo seed).
  run("demo-platform", [
    "apps/demo-platform/src/main.ts",
    "--accounts",
    path.join(dataDir, "demo-platforms.json"),
    ...(env.DEMO_PLATFORM_URL ? ["--port", new URL(env.DEMO_PLATFORM_URL).port] : []),
    "--api",
    `http://127.0.0.1:${port}/api/v1`,
  ]);
}
console.info(`\n  ➜ 打开 ${publicOrigin}\n`);
