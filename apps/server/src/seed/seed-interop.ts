import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_PLATFORM_DEFAULT_PORT } from "@lnca/contracts";
import type { AppContext } from "../app/context";
import { systemActor } from "../features/policy/actor";

/** The demo's integrated trading platforms: every demo key is associated with both. */
export const DEMO_INTEROP_PLATFORMS = ["ln-jsgc", "ln-zfcg"];

export const demoPlatformsPath = (dataDir: string) => path.join(dataDir, "demo-platforms.json");
const demoPlatformUrl = `http://127.0.0.1:${DEMO_PLATFORM_DEFAULT_PORT}`;

interface DemoPlatformAccount {
  code: string;
  name: string;
  apiKey: string;
  webhookSecret: string;
}

/**
 * Gives the demo platforms a key, a webhook secret and a webhook URL on the demo receiving platform
 * (apps/demo-platform, started by `npm start`), through the console's own service, and writes what the console
 * showed once to data/demo-platforms.json, which the demo platform reads (a real platform keeps them itself).
 */
export async function seedDemoInterop(ctx: AppContext): Promise<string> {
  const platforms = await ctx.platformCredentials.list();
  const accounts: DemoPlatformAccount[] = [];
  for (const code of DEMO_INTEROP_PLATFORMS) {
    const platform = platforms.find((p) => p.code === code);
    if (!platform) continue;
    const { apiKey } = await ctx.platformCredentials.issueKey(systemActor, platform.id);
    const { secret } = await ctx.platformCredentials.issueWebhookSecret(systemActor, platform.id);
    await ctx.platformCredentials.setWebhookUrl(systemActor, platform.id, `${demoPlatformUrl}/webhooks/${code}`);
    accounts.push({ code, name: platform.name, apiKey, webhookSecret: secret });
  }
  const file = demoPlatformsPath(ctx.config.dataDir);
  await writeFile(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** The banner's lines about the demo platform: where it is and each platform's key (from the seed's file). */
export function demoInteropBanner(dataDir: string): string[] {
  const file = demoPlatformsPath(dataDir);
  if (!existsSync(file)) return [];
  const accounts = JSON.parse(readFileSync(file, "utf8")) as DemoPlatformAccount[];
  return [
    `  演示交易平台（接收推送）：${demoPlatformUrl}`,
    ...accounts.map((a) => `    · ${a.name}：平台密钥 ${a.apiKey}`),
    `    证书验证：POST /api/v1/interop/verify，请求头 Authorization: Bearer <平台密钥>（签名密钥见 ${file}）`,
  ];
}
