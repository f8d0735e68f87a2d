import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { consoleLogin, expect, OPERATOR, test } from "./support/fixtures";
import { insertedCertificates } from "./support/people";

/**
 * The browser protections the server sends (CSP, no framing) as a browser applies them: the console cannot
 * be framed by another site, and the pages work under the CSP with no violation. And what a newcomer sees
 * in the browser console: nothing red on an anonymous visit, no form a staff role can only fail with.
 */

const REVIEWER = { username: "reviewer", password: "Lnca@2026" } as const;

/** Every CSP violation and console error of the page, across navigations. */
async function watch(page: Page) {
  const violations: string[] = [];
  const errors: string[] = [];
  // Reported through the console; script text, as the e2e project has no DOM types.
  await page.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (e) =>
      console.warn("CSP violation: " + e.effectiveDirective + " blocked " + e.blockedURI + " at " + e.sourceFile + ":" + e.lineNumber));`,
  });
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error") errors.push(`${page.url()}: ${text}`);
    if (text.startsWith("CSP violation") || text.includes("Content Security Policy")) {
      violations.push(`${page.url()}: ${text}`);
    }
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return { violations, errors };
}

test("another site cannot show the console inside a frame", async ({ page, baseURL }) => {
  // A real server on another port of this PC: a page Playwright made up counts as a public site, which
  // Chromium's local-network-access checks stop before framing is even considered.
  const other = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><h1>别的网站</h1><iframe id="console" src="${baseURL}/console/login"></iframe>`);
  });
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  try {
    const framed = page.waitForEvent("requestfailed", (r) => r.url() === `${baseURL}/console/login`);
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    await expect(page.getByRole("heading", { name: "别的网站" })).toBeVisible();
    // The browser fetched the console and refused to show it in the frame.
    expect((await framed).failure()?.errorText).toBe("net::ERR_BLOCKED_BY_RESPONSE");
    const frame = page.frameLocator("#console");
    await expect(frame.getByText("运营后台登录")).toHaveCount(0);
    await expect(frame.getByLabel("用户名", { exact: true })).toHaveCount(0);
  } finally {
    other.close();
  }
});

test("an anonymous visit to the home page logs nothing in the browser console", async ({ page }) => {
  const { violations, errors } = await watch(page);
  await page.goto("/");
  await expect(page.getByTestId("hero-login")).toBeVisible();
  await expect(page.getByRole("heading", { name: "价格查询" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "home page");
  expect(errors).toEqual([]);
  expect(violations).toEqual([]);
});

test("an anonymous visit to the console login page logs nothing in the browser console", async ({ page }) => {
  const { violations, errors } = await watch(page);
  const session = page.waitForResponse((r) => r.url().endsWith("/api/v1/console/auth/session"));
  await page.goto("/console/login");
  await expect(page.getByLabel("用户名", { exact: true })).toBeVisible();
  // Asked on every load: without a session the answer is "no one", not a 401 the browser logs in red.
  expect((await session).status()).toBe(200);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "console login page");
  expect(errors).toEqual([]);
  expect(violations).toEqual([]);
});

test("the portal, the console and the API docs work under the CSP with no violation", async ({ page }) => {
  const { violations } = await watch(page);
  await page.goto("/");
  await expect(page.getByTestId("hero-login")).toBeVisible();
  // The login page reaches the keybridge on 127.0.0.1 (connect-src).
  await page.goto("/login");
  await expect(page.getByTestId("certificate-item")).toHaveCount(insertedCertificates);
  await expectAccessible(page, "login page");
  await page.goto("/downloads");
  await expect(page.locator("h1, h2, h3").first()).toBeVisible();
  await expectAccessible(page, "下载中心");

  await consoleLogin(page);
  await expect(page.getByTestId("console-staff")).toContainText(OPERATOR.displayName);
  for (const name of ["目录管理", "订单与支付", "发票管理", "证书名录", "短信发件箱", "邮件发件箱", "下载中心"]) {
    await page.getByRole("menuitem", { name }).click();
    await expect(page.getByRole("heading", { name }).first()).toBeVisible();
    await expectAccessible(page, `console ${name}`);
  }
  await page.getByRole("menuitem", { name: "目录管理" }).click();
  await expect(page.getByTestId("catalog-platforms")).toBeVisible();

  await page.goto("/api/v1/docs");
  await expect(page.getByText("CA 互联互通服务平台（辽宁版）API")).toBeVisible();
  await expect(page.getByText("/api/v1/catalog/platforms").first()).toBeVisible();
  // No accessibility check here: the API docs are Swagger UI's own page (its colours, nested controls and
  // unlabelled URL box), served as the library ships it, not the web app.
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("a reviewer is not offered what only operators may do", async ({ page }) => {
  await consoleLogin(page, REVIEWER);
  await expect(page.getByTestId("console-staff")).toContainText("审核员");
  await expect(page.getByRole("menuitem", { name: "审核队列" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "审核队列" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "目录管理" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "证书名录" })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: "短信发件箱" })).toHaveCount(0);
  await expectAccessible(page, "console of a reviewer");
  // Typed in by hand, the page says why instead of showing a form that can only fail.
  await page.goto("/console/registry");
  await expect(page.getByText("您的角色无权使用此功能")).toBeVisible();
  await expect(page.getByTestId("registry-csv")).toHaveCount(0);
  await expectAccessible(page, "console page a reviewer may not use");
});

test("the 证书名录 page's own example imports as shown", async ({ page }) => {
  await consoleLogin(page);
  await page.getByRole("menuitem", { name: "证书名录" }).click();
  const example = (await page.locator("pre.csv-example").textContent()) ?? "";
  expect(example).toContain("ln-jsgc|ln-zfcg");
  await page.getByTestId("registry-csv").fill(example);
  await page.getByRole("button", { name: "开始导入" }).click();
  const result = page.getByTestId("registry-result");
  await expect(result).toContainText("新增2条");
  await expect(result).toContainText("未导入0条");
  await expectAccessible(page, "证书名录 after importing its example");
});
