import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./support/browser";

/**
 * Browser tests: the real server, web app and keybridge on SoftHSM2 tokens, driven through the system
 * Chromium. One worker: the journeys share one server and one pair of USB keys, and the machine has 2 cores.
 */
export default defineConfig({
  testDir: ".",
  // J6 updates the key whose renewal J5 paid: its project runs after J5's (also when run alone).
  projects: [
    { name: "j5-renewal", testMatch: "j5-renewal.spec.ts" },
    { name: "j6-key-update", testMatch: "j6-key-update.spec.ts", dependencies: ["j5-renewal"] },
    { name: "journeys", testMatch: "*.spec.ts", testIgnore: ["j5-renewal.spec.ts", "j6-key-update.spec.ts"] },
  ],
  outputDir: "test-results",
  globalSetup: "./support/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1366, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
});
