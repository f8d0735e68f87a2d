import { chromium } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { CHROMIUM, CHROMIUM_ARGS } from "./support/browser";
import { expect, test } from "./support/fixtures";

/**
 * J4, Local Network Access (Chrome 142+, Edge 143+): when the platform is served from a public address, the
 * browser lets its pages reach the keybridge on 127.0.0.1 only with the user's permission. Here Chromium is told
 * that the platform's address is public; served over plain HTTP, the permission is denied — the page must say
 * that the browser blocks it and how to allow it, not that the keybridge is missing (it runs).
 */
test("CA 登录 tells a denied Local Network Access permission apart from a missing keybridge", async ({ env }) => {
  const host = new URL(env.baseUrl).host;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--ip-address-space-overrides=${host}=public`],
  });
  try {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/login`);
    const blocked = page.getByTestId("keybridge-permission-denied");
    await expect(blocked).toContainText("浏览器已阻止本网站访问本机的拓展程序");
    await expect(blocked).toContainText("本地网络访问");
    await expect(page.getByTestId("keybridge-missing")).toHaveCount(0);
    await expectAccessible(page, "CA 登录 with Local Network Access denied");
  } finally {
    await browser.close();
  }
});
