/**
 * `npx tsx scripts/readme-screenshots.ts [origin]`: the README's screenshots of the enterprise-information and
 * review pages, taken from a running demo (`npm start`, default http://localhost:3000, its demo keybridge on).
 * 王演示 signs in with the demo main key (PIN 111111); the demo reviewer opens the queue and the waiting revision.
 */
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/support/browser";

const origin = process.argv[2] ?? "http://localhost:3000";
const out = path.resolve(import.meta.dirname, "../docs/screenshots");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const newPage = async () =>
  (await browser.newContext({ baseURL: origin, locale: "zh-CN", viewport: { width: 1366, height: 860 } })).newPage();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(out, `${name}.png`) });

const portal = await newPage();
await portal.goto("/login");
await portal.getByTestId("certificate-item").filter({ hasText: "演示测试企业" }).click();
await portal.getByPlaceholder("请输入 CA 锁密码").fill("111111");
await portal.getByRole("tabpanel", { name: "CA 登录" }).getByRole("button", { name: "登录" }).click();
await portal.getByTestId("current-identity").waitFor();
await portal.getByRole("menuitem", { name: "企业信息" }).click();
await portal.getByTestId("enterprise-info-status").waitFor();
await shot(portal, "enterprise");
await portal.getByRole("button", { name: "编辑企业信息" }).click();
await portal.getByLabel("单位名称").waitFor();
await shot(portal, "enterprise-edit");
await portal.getByRole("button", { name: "下一步" }).click();
await portal.getByTestId("licence-comparison").waitFor({ timeout: 30_000 });
await shot(portal, "licence-comparison");

const reviewer = await newPage();
await reviewer.goto("/console/login");
await reviewer.getByLabel("用户名", { exact: true }).fill("reviewer");
await reviewer.getByLabel("密码", { exact: true }).fill("Lnca@2026");
await reviewer.getByRole("button", { name: "登录" }).click();
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
await browser.close();
console.info(`screenshots written to ${out}`);
