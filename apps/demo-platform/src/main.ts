/**
 * `tsx apps/demo-platform/src/main.ts --accounts <file> [--port 28452] [--api http://127.0.0.1:3000/api/v1]`:
 * the demo receiving platform that `npm start` runs. The accounts file is written by the demo seed
 * (data/demo-platforms.json): each platform's code, name, webhook secret and interop key.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_PLATFORM_DEFAULT_PORT } from "@lnca/contracts";
import { type DemoPlatformAccount, startDemoPlatform } from "./demo-platform";

const { values } = parseArgs({
  options: {
    accounts: { type: "string" },
    port: { type: "string", default: String(DEMO_PLATFORM_DEFAULT_PORT) },
    api: { type: "string" },
  },
});
if (!values.accounts) {
  console.error("用法：--accounts <演示平台账号文件> [--port 端口] [--api 服务平台 API 地址]");
  process.exit(64);
}
if (!existsSync(values.accounts)) {
  // A demo database seeded before the interop feature has no demo platforms: nothing to receive.
  console.warn(`演示交易平台未启动：没有 ${values.accounts}（删除 data 目录后重新 npm start 可重建演示数据）`);
  process.exit(0);
}
const accounts = JSON.parse(readFileSync(values.accounts, "utf8")) as DemoPlatformAccount[];
const platform = await startDemoPlatform({ accounts, port: Number(values.port), interopApiUrl: values.api });
console.info(`演示交易平台已启动：${platform.url}（${accounts.map((a) => a.name).join("、")}）`);
const stop = () => void platform.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
