import path from "node:path";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import { downloadsConsoleRoutes, downloadsRoutes } from "./downloads.routes";
import { DownloadsService } from "./downloads.service";
import { KeybridgePackageFolder } from "./keybridge-package";

export interface DownloadsServices {
  downloads: DownloadsService;
}

/** The FAQ's one source: the Markdown in docs/, also shown by the web app at /downloads/faq. */
const FAQ_FILE = path.resolve(import.meta.dirname, "../../../../../docs/FAQ.md");

/** 下载中心: the keybridge package, the blank 电子签章印模采集表 and the FAQ. */
export function downloadsModule(runtime: Runtime): FeatureModule<DownloadsServices> {
  const downloads = new DownloadsService({
    keybridge: new KeybridgePackageFolder(runtime.config.keybridgeDist),
    faqFile: FAQ_FILE,
    clock: runtime.clock,
  });
  return {
    name: "downloads",
    services: { downloads },
    routes: { portal: downloadsRoutes({ downloads }), console: downloadsConsoleRoutes({ downloads }) },
  };
}
