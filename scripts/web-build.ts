import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "apps/web");
const builtIndex = path.join(web, "dist/index.html");

/** Newest modification time under the web app's sources (and of the contracts it bundles). */
function newestSource(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = statSync(entry);
    if (stat.isDirectory()) for (const child of readdirSync(entry)) visit(path.join(entry, child));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["apps/web/src", "apps/web/index.html", "apps/web/vite.config.ts", "packages/contracts/src"]) {
    const full = path.join(root, entry);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

/** Builds the web app when there is no build or its sources changed since (npm start, browser tests). */
export function ensureWebBuild(): void {
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource()) return;
  console.info("正在构建前端页面 …");
  const build = spawnSync("npm", ["run", "build", "-w", "@lnca/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`前端构建失败（退出码 ${build.status}）`);
}
