import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { AppContext } from "../app/context";
import type { Config } from "../config/config";
import { systemActor } from "../features/policy/actor";

/**
 * The demo's integrated trading platforms. Every demo key is associated with the first two; 刘洋's key also
 * with 华晨集团电子采购平台, which the guide's figure 3 drops: his renewal shows both kinds of webhook.
 */
export const DEMO_INTEROP_PLATFORMS = ["ln-jsgc", "ln-zfcg", "hc-dzcg"];

export const demoPlatformsPath = (dataDir: string) => path.join(dataDir, "demo-platforms.json");

interface DemoPlatformAccount {
  code: string;
  name: string;
  apiKey: string;
  webhookSecret: string;
}

/**
 * Gives the demo platforms a key, a webhook secret and a webhook URL on the demo receiving platform
 * (apps/demo-platform, started by `npm start` at DEMO_PLATFORM_URL), through the console's own service, and writes what the console
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
    await ctx.platformCredentials.setWebhookUrl(
      systemActor,
      platform.id,
      `${ctx.config.demoPlatformUrl}/webhooks/${code}`,
    );
    accounts.push({ code, name: platform.name, apiKey, webhookSecret: secret });
  }
  const file = demoPlatformsPath(ctx.config.dataDir);
  await writeFile(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** The banner's lines about the demo platform: where it is and each platform's key (from the seed's file). */
export function demoInteropBanner(config: Pick<Config, "dataDir" | "demoPlatformUrl">): string[] {
  const file = demoPlatformsPath(config.dataDir);
  if (!existsSync(file)) return [];
  const accounts = JSON.parse(readFileSync(file, "utf8")) as DemoPlatformAccount[];
  return [
    `  演示交易平台（接收推送）：${config.demoPlatformUrl}`,
    ...accounts.map((a) => `    · ${a.name}：平台密钥 ${a.apiKey}`),
    `    证书验证：POST /api/v1/interop/verify，请求头 Authorization: Bearer <平台密钥>（签名密钥见 ${file}）`,
  ];
}
