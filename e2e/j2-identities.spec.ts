import type { Browser, Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { demoApplicant, PIN } from "./support/people";
import { caLogin } from "./support/portal";

/**
 * J2 identities through the real web app and the demo keybridge: a person applies for a project-lead identity
 * in the demo enterprise (【切换身份】→【新增】→「申请身份成功」), its administrator 王演示 approves it in
 * 人员管理, and the person switches to it without logging in again.
 */

const DEMO_ENTERPRISE = { name: "演示测试企业", uscc: "91210102MA0Y8D0Q2J" };

async function newPortal(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

test("a person applies to be a project lead, the administrator approves in 人员管理, the person switches", async ({
  page,
  browser,
  env,
  keybridge,
  sms,
}) => {
  test.setTimeout(120_000);
  await keybridge.start("demo");

  // 文华's first CA login binds the personal key: his only identity is the personal one.
  await page.goto("/login");
  await caLogin(page, demoApplicant.name, PIN);
  await expect(page.getByTestId("binding-form")).toBeVisible();
  await page.getByLabel("手机号", { exact: true }).fill(demoApplicant.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("短信验证码").fill(await sms.codeFor(demoApplicant.mobile));
  await page.getByRole("button", { name: "确认绑定" }).click();
  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("current-identity")).toHaveText("个人");

  // 【切换身份】 → 企业角色 → 【新增】: enterprise name, USCC, role → 【提交】.
  await page.getByRole("menuitem", { name: "切换身份" }).click();
  await expect(page.getByRole("radio", { name: "企业角色" })).toBeChecked();
  await expectAccessible(page, "切换身份 with the personal identity");
  await page.getByRole("button", { name: "新增" }).click();
  const dialog = page.getByRole("dialog", { name: "新增身份" });
  await dialog.getByLabel("企业名称").fill(DEMO_ENTERPRISE.name);
  await dialog.getByLabel("统一社会信用代码").fill("91210102MA0Y8D0Q2K");
  await dialog.getByLabel("身份").click();
  await page.locator(".ant-select-item-option").filter({ hasText: "项目负责人" }).click();
  await dialog.getByRole("button", { name: "提交" }).click();
  await expect(dialog).toContainText("统一社会信用代码不正确");
  await expectAccessible(page, "新增身份 dialog with a refused USCC");
  await dialog.getByLabel("统一社会信用代码").fill(DEMO_ENTERPRISE.uscc);
  await dialog.getByRole("button", { name: "提交" }).click();
  await expect(page.getByText("申请身份成功")).toBeVisible();
  const application = page.getByTestId("identity-table").getByRole("row", { name: /演示测试企业/ });
  await expect(application).toContainText("项目负责人");
  await expect(application).toContainText("待审批");
  await expect(page.getByRole("menuitem", { name: "人员管理" })).toHaveCount(0);
  await expectAccessible(page, "切换身份 with a pending application");

  // 王演示 (main key, PIN 111111) approves it in 人员管理.
  const admin = await newPortal(browser, env.baseUrl);
  await admin.goto("/login");
  await caLogin(admin, DEMO_ENTERPRISE.name, PIN);
  await expect(admin.getByTestId("current-identity")).toHaveText("演示测试企业 · 管理员");
  await admin.getByRole("menuitem", { name: "人员管理" }).click();
  const person = admin.getByTestId("people-table").getByRole("row", { name: new RegExp(demoApplicant.name) });
  await expect(person).toContainText("待审批");
  await expectAccessible(admin, "人员管理 with a pending application");
  await person.getByRole("button", { name: "通过" }).click();
  await expect(admin.getByText("已通过")).toBeVisible();
  await expect(person).toContainText("已生效");
  await expectAccessible(admin, "人员管理 after approving");
  await admin.context().close();

  // The person switches to it on the same session: the header and the menu follow the identity.
  await page.reload();
  await expect(application).toContainText("已生效");
  await application.getByRole("button", { name: "切换" }).click();
  await expect(page.getByTestId("current-identity")).toHaveText("演示测试企业 · 项目负责人");
  await expect(application).toContainText("当前身份");
  await expectAccessible(page, "切换身份 in the project-lead identity");
  await expect(page.getByRole("menuitem", { name: "人员管理" })).toHaveCount(0);
  // 企业信息 is the administrator's: a project lead gets no form to edit it, even by its address.
  await page.goto("/center/enterprise/edit");
  await expect(page.getByText("仅企业管理员可访问")).toBeVisible();
  await expect(page.getByRole("button", { name: "编辑企业信息" })).toHaveCount(0);
  await expect(page.getByLabel("单位名称")).toHaveCount(0);
  await expectAccessible(page, "编辑企业信息 as a project lead");
});
