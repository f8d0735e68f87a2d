/**
 * `npx tsx scripts/readme-screenshots.ts [origin] [enterprise|renewal|key-update]`: the README's screenshots,
 * taken from a running demo (`npm start`, default http://localhost:3000, its demo keybridge and demo platform
 * on) on a fresh data folder; by default all sets, in order (key-update needs renewal's payment). 王演示 signs
 * in with the demo main key (PIN 111111).
 * - enterprise: 企业信息, its editing and the licence comparison; the demo reviewer's queue and a claimed revision.
 * - renewal: 【CA 延期年检】 with 刘洋 and 徐静 chosen, 选择应用平台 as the guide's 图 3 (700 元), 订单确认,
 *   支付确认 with an 电子普票, the WeChat Pay QR page (then paid in the sandbox), 【订单管理】 and the console's
 *   订单与支付.
 * - key-update: 刘洋's 【更新数字证书】 and 「延期年检成功」, the 下载中心, the console's 平台互通 and the demo
 *   trading platform with the webhooks it received.
 */
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/support/browser";

const origin = process.argv[2] ?? "http://localhost:3000";
const only = process.argv[3];
const out = path.resolve(import.meta.dirname, "../docs/screenshots");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const newPage = async (on: Browser = browser) =>
  (await on.newContext({ baseURL: origin, locale: "zh-CN", viewport: { width: 1366, height: 860 } })).newPage();
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(out, `${name}.png`), fullPage });

async function adminSignsIn(): Promise<Page> {
  return caSignsIn("演示测试企业");
}

async function caSignsIn(holder: string): Promise<Page> {
  const portal = await newPage();
  await portal.goto("/login");
  await portal.getByTestId("certificate-item").filter({ hasText: holder }).click();
  await portal.getByPlaceholder("请输入 CA 锁密码").fill("111111");
  await portal.getByRole("tabpanel", { name: "CA 登录" }).getByRole("button", { name: "登录" }).click();
  await portal.getByTestId("current-identity").waitFor();
  return portal;
}

async function consoleSignsIn(username: string): Promise<Page> {
  const page = await newPage();
  await page.goto("/console/login");
  await page.getByLabel("用户名", { exact: true }).fill(username);
  await page.getByLabel("密码", { exact: true }).fill("Lnca@2026");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("console-staff").waitFor();
  return page;
}

async function enterpriseScreens(): Promise<void> {
  const portal = await adminSignsIn();
  await portal.getByRole("menuitem", { name: "企业信息" }).click();
  await portal.getByTestId("enterprise-info-status").waitFor();
  await shot(portal, "enterprise");
  await portal.getByRole("button", { name: "编辑企业信息" }).click();
  await portal.getByLabel("单位名称").waitFor();
  await shot(portal, "enterprise-edit");
  await portal.getByRole("button", { name: "下一步" }).click();
  await portal.getByTestId("licence-comparison").waitFor({ timeout: 30_000 });
  await shot(portal, "licence-comparison");

  const reviewer = await consoleSignsIn("reviewer");
  await reviewer.getByRole("menuitem", { name: "审核队列" }).click();
  await reviewer
    .getByTestId("review-queue-table")
    .getByRole("row", { name: /沈阳示范建筑工程有限公司/ })
    .waitFor();
  await shot(reviewer, "review-queue");
  await reviewer.getByRole("button", { name: /领取 沈阳示范建筑工程有限公司/ }).click();
  await reviewer.getByTestId("review-claim").waitFor();
  await reviewer.waitForTimeout(500);
  await shot(reviewer, "review-detail");
}

/** Waits for antd's motions (fades, slides) to end, so a screenshot shows the settled page. */
const settle = (page: Page) => page.waitForTimeout(600);

async function renewalScreens(): Promise<void> {
  const portal = await adminSignsIn();
  await portal.getByRole("menuitem", { name: "CA 管理" }).click();
  await portal.getByRole("menuitem", { name: "CA 延期年检", exact: true }).click();
  const table = portal.getByTestId("renewable-table");
  for (const holder of ["刘洋", "徐静"]) await table.getByRole("checkbox", { name: `选择 ${holder} 的证书` }).check();
  await settle(portal);
  await shot(portal, "renewal-select");

  // 图 3: 刘洋 keeps 6 of his 9 platforms, 徐静 adds 2 to her 6 (300 + 400 = 700).
  await portal.getByRole("button", { name: "下一步" }).click();
  const card = (holder: string) => portal.getByTestId("certificate-platforms").filter({ hasText: holder });
  for (const name of ["锦州市公共资源平台", "朝阳市公共资源平台", "华晨集团电子采购平台"]) {
    await card("刘洋").getByRole("checkbox", { name, exact: true }).uncheck();
  }
  for (const name of ["锦州市公共资源平台", "朝阳市公共资源平台"]) {
    await card("徐静").getByRole("checkbox", { name, exact: true }).check();
  }
  await portal.getByTestId("renewal-total").filter({ hasText: "700" }).waitFor();
  await settle(portal);
  await shot(portal, "renewal-platforms", true);

  await portal.getByRole("button", { name: "下一步" }).click();
  await portal.getByTestId("amount-payable").waitFor();
  await settle(portal);
  await shot(portal, "renewal-confirm", true);

  await portal.getByRole("button", { name: "提交订单" }).click();
  await portal.getByTestId("order-no").waitFor();
  await portal.getByRole("radio", { name: "开具", exact: true }).check();
  await portal.getByRole("radio", { name: "电子普票" }).check();
  await portal.getByRole("radio", { name: /微信支付/ }).check();
  await settle(portal);
  await shot(portal, "renewal-payment", true);

  await portal.getByRole("button", { name: "立即支付" }).click();
  await portal.getByTestId("wechat-qr").waitFor();
  await settle(portal);
  await shot(portal, "wechat-qr");

  // Paid in the sandbox's 模拟扫码支付, as a phone would after scanning.
  const [scan] = await Promise.all([
    portal.context().waitForEvent("page"),
    portal.getByTestId("sandbox-scan-link").click(),
  ]);
  await scan.getByRole("button", { name: "确认支付" }).click();
  await scan.getByRole("status").waitFor();
  await scan.close();
  await portal.getByTestId("payment-success").waitFor({ timeout: 30_000 });

  await portal.getByRole("menuitem", { name: "订单管理" }).click();
  await portal.getByTestId("orders-table").getByText("已支付").first().waitFor();
  await settle(portal);
  await shot(portal, "orders");

  const operator = await consoleSignsIn("operator");
  await operator.goto("/console/orders");
  await operator.getByTestId("console-orders-table").getByText("已支付").first().waitFor();
  await operator.getByTestId("daily-totals").waitFor();
  await settle(operator);
  await shot(operator, "console-orders", true);
}

async function keyUpdateScreens(): Promise<void> {
  const portal = await caSignsIn("刘洋");
  await portal.getByRole("menuitem", { name: "CA 管理" }).click();
  await portal.getByRole("menuitem", { name: "更新数字证书", exact: true }).click();
  const table = portal.getByTestId("key-updates-table");
  await table.getByRole("row", { name: /刘洋/ }).waitFor();
  await settle(portal);
  await shot(portal, "key-updates");
  await table.getByTestId("key-update-action").first().click();
  await portal.getByRole("button", { name: "读取 CA 数字证书" }).click();
  await portal.getByTestId("key-update-key-read").getByRole("button", { name: "自助年检" }).click();
  const pin = portal.getByRole("dialog", { name: "请输入 USBKEY 密码" });
  await pin.getByLabel("USBKEY 密码").fill("111111");
  await pin.getByRole("button", { name: "确定" }).click();
  await portal.getByTestId("key-update-success").waitFor({ timeout: 30_000 });
  await settle(portal);
  await shot(portal, "key-update-success");

  await portal.goto("/downloads");
  await portal.getByRole("heading", { name: "下载中心" }).waitFor();
  await settle(portal);
  await shot(portal, "downloads", true);

  const operator = await consoleSignsIn("operator");
  await operator.getByRole("menuitem", { name: "平台互通" }).click();
  await operator.getByRole("row", { name: /华晨集团电子采购平台/ }).waitFor();
  await settle(operator);
  await shot(operator, "console-interop");

  const demoPlatform = await newPage();
  await demoPlatform.goto(process.argv[4] ?? "http://127.0.0.1:28452");
  await demoPlatform.getByText("certificate.disassociated").first().waitFor({ timeout: 30_000 });
  await shot(demoPlatform, "demo-platform");
}

if (!only || only === "enterprise") await enterpriseScreens();
if (!only || only === "renewal") await renewalScreens();
if (!only || only === "key-update") await keyUpdateScreens();
await browser.close();
console.info(`screenshots written to ${out}`);
