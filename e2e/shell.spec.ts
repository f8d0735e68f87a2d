import { expectAccessible } from "./support/accessibility";
import { consoleLogin, expect, OPERATOR, test } from "./support/fixtures";
import { insertedCertificates } from "./support/people";

/** The three doors of the product, as a newcomer sees them: the home page, the login page, the console. */

const SIX_PLATFORMS = [
  "辽宁建设工程信息网",
  "辽宁省招标投标监管网",
  "辽宁省政府采购平台",
  "沈阳市公共资源平台",
  "大连市公共资源平台",
  "鞍山公共资源平台",
];

test("the home page offers 立即登录 and prices a renewal from the server's quote", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("hero-login")).toHaveText(/立即登录/);
  await expect(page.getByRole("heading", { name: "价格查询" })).toBeVisible();
  await expectAccessible(page, "home page");

  // The category buttons are styled labels around hidden radios: click what a person sees.
  await page.getByText("项目负责人锁", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "项目负责人锁" })).toBeChecked();
  await expect(page.getByText("请至少选择一个应用平台")).toBeVisible();
  for (const name of SIX_PLATFORMS) await page.getByRole("checkbox", { name }).check();
  // 项目负责人锁 0 元 + 6 × 50 元 (the guide's figure 4).
  await expect(page.getByTestId("price-total")).toHaveText("300 元");

  await page.getByText("单位(机构)主锁", { exact: true }).click();
  await expect(page.getByTestId("price-total")).toHaveText("400 元");
  await expectAccessible(page, "home page with a quote");

  await page.getByTestId("hero-login").click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("tab", { name: "CA 登录" })).toBeVisible();
});

test("the login page has the 【CA 登录】 and 【手机号登录】 tabs", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByText("用户登录")).toBeVisible();
  await expect(page.getByRole("tab", { name: "CA 登录" })).toHaveAttribute("aria-selected", "true");
  // The keybridge runs: the CA tab lists the certificates on the inserted keys.
  await expect(page.getByTestId("certificate-item")).toHaveCount(insertedCertificates);
  await expectAccessible(page, "login page, CA 登录 tab");

  await page.getByRole("tab", { name: "手机号登录" }).click();
  await expect(page.getByLabel("手机号", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "获取验证码" })).toBeVisible();
  await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();
  await expectAccessible(page, "login page, 手机号登录 tab");
});

test("the console logs the operator in and shows the catalog", async ({ page }) => {
  await page.goto("/console");
  await expect(page).toHaveURL(/\/console\/login$/);
  await expect(page.getByText("运营后台登录")).toBeVisible();
  await expectAccessible(page, "console login page");

  await consoleLogin(page, { username: OPERATOR.username, password: "wrong-password" });
  await expect(page.getByTestId("console-login-error")).toBeVisible();
  await expectAccessible(page, "console login page with an error");

  await consoleLogin(page);
  await expect(page.getByTestId("console-staff")).toContainText(OPERATOR.displayName);
  await expect(page.getByTestId("console-staff")).toContainText("运营");

  await page.getByRole("menuitem", { name: "目录管理" }).click();
  const platformsTab = page.getByRole("tabpanel", { name: "应用平台" });
  const platforms = page.getByTestId("catalog-platforms");
  await expect(platformsTab.getByText("共 12 条")).toBeVisible();
  await expect(platforms.getByRole("row", { name: "辽宁建设工程信息网 ln-jsgc 50" })).toBeVisible();
  await platformsTab.getByRole("listitem", { name: "2" }).click();
  await expect(platforms.getByRole("row", { name: "沈抚示范区建设项目管理平台 sf-jsxm 50" })).toBeVisible();
  await expectAccessible(page, "console 目录管理, 应用平台 tab");

  await page.getByRole("tab", { name: "CA 证类别" }).click();
  const categories = page.getByTestId("catalog-categories");
  await expect(categories.getByRole("row", { name: "单位(机构)主锁 unit_main 100" })).toBeVisible();
  await expect(categories.getByRole("row", { name: "项目负责人锁 project_lead 0" })).toBeVisible();
  await expect(categories.getByRole("row", { name: "造价师锁 cost_engineer 50" })).toBeVisible();
  await expectAccessible(page, "console 目录管理, CA 证类别 tab");
});
