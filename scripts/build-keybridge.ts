/**
 * `npm run build:keybridge [-- --kind sea|archive] [--out <dir>]`: the keybridge package of the 下载中心
 * (scripts/keybridge-package/build.ts). The folder defaults to dist/keybridge, where the server looks
 * (KEYBRIDGE_DIST).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { buildKeybridgePackage } from "./keybridge-package/build";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: { kind: { type: "string", default: "auto" }, out: { type: "string" } },
  strict: true,
});
const kind = values.kind;
if (kind !== "auto" && kind !== "sea" && kind !== "archive") {
  console.error("--kind 只能是 auto、sea 或 archive");
  process.exit(2);
}
const outDir = path.resolve(values.out ?? process.env.KEYBRIDGE_DIST ?? path.join(root, "dist", "keybridge"));
try {
  await buildKeybridgePackage({ outDir, kind, log: (message) => console.info(message) });
} catch (error) {
  console.error(`拓展程序安装包构建失败：${(error as Error).message}`);
  process.exit(1);
}
