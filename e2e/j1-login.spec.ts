import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { admin, agent, enterprise, insertedCertificates, PIN, projectLead } from "./support/people";
import { caLogin, loginButton } from "./support/portal";

/**
 * J1 login and binding, through the real web app, the real keybridge and SoftHSM2 tokens (here the
 * enterprise's main key and a project lead's personal key) whose certificates the platform's CA issued.
 * The tests run in order: the second login needs the key bound by the first.
 */
test.describe.configure({ mode: "serial" });

test("first login with the main key binds the enterprise administrator", async ({ page, sms }) => {
  await page.goto("/");
  await page.getByTestId("hero-login").click();
  await expect(page).toHaveURL(/\/login$/);
  // Every inserted key's certificate is offered, the main key's among them.
  await expect(page.getByTestId("certificate-item")).toHaveCount(insertedCertificates);
  await expect(page.getByTestId("certificate-item").filter({ hasText: enterprise.name })).toContainText("单位主锁");
  await expectAccessible(page, "CA 登录 with the inserted keys");

  await caLogin(page, enterprise.name, PIN);
  const form = page.getByTestId("binding-form");
  await expect(form).toBeVisible();
  await expect(form).toContainText("绑定身份");
  await expect(form).toContainText("CA 主锁登录");
  await expect(form.getByRole("row", { name: /持证单位/ })).toContainText(enterprise.name);
  await expect(form).toContainText(enterprise.uscc);
  await expect(form).toContainText("单位(机构)主锁");
  await expectAccessible(page, "binding form of a main key");

  await page.getByLabel("管理员姓名").fill(admin.name);
  await page.getByLabel("管理员手机号").fill(admin.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("验证码已发送，请注意查收")).toBeVisible();
  await expect(page.getByRole("button", { name: /秒后重新获取/ })).toBeDisabled();
  await expectAccessible(page, "binding form, code sent");
  await page.getByLabel("短信验证码").fill(await sms.codeFor(admin.mobile));
  await page.getByLabel("管理员身份证号").fill(admin.idNumber);
  await page.getByRole("button", { name: "确认绑定" }).click();

  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("center-user")).toHaveText(admin.name);
  await expect(page.getByTestId("current-identity")).toHaveText(`${enterprise.name} · 管理员`);
  // The administrator's menu includes the enterprise's own pages.
  await expect(page.getByRole("menuitem", { name: "企业信息" })).toBeVisible();
  await expectAccessible(page, "个人中心 of an administrator");

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByTestId("hero-login")).toBeVisible();
  await expectAccessible(page, "home page after logout");
  await page.goto("/center");
  await expect(page).toHaveURL(/\/login/);
});

test("second login with the bound main key goes straight to 个人中心", async ({ page }) => {
  await page.goto("/login");
  await caLogin(page, enterprise.name, PIN);
  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("binding-form")).toHaveCount(0);
  await expect(page.getByTestId("center-user")).toHaveText(admin.name);
  await expect(page.getByTestId("current-identity")).toHaveText(`${enterprise.name} · 管理员`);
});

test("a wrong PIN shows the tries left; the personal key then binds its holder's mobile", async ({ page, sms }) => {
  await page.goto("/login");
  await caLogin(page, projectLead.name, "000000");
  await expect(page.getByTestId("pin-error")).toContainText("还可尝试 5 次");
  await expect(page.getByPlaceholder("请输入 CA 锁密码")).toHaveValue("");
  await expectAccessible(page, "CA 登录 after a wrong PIN");

  await page.getByPlaceholder("请输入 CA 锁密码").fill("999999");
  await loginButton(page, "CA 登录").click();
  await expect(page.getByTestId("pin-error")).toContainText("还可尝试 4 次");

  await page.getByPlaceholder("请输入 CA 锁密码").fill(PIN);
  await expect(page.getByTestId("pin-error")).toHaveCount(0);
  await loginButton(page, "CA 登录").click();

  const form = page.getByTestId("binding-form");
  await expect(form).toContainText("CA 个人锁登录");
  await expect(form.getByRole("row", { name: /持证人/ })).toContainText(projectLead.name);
  await expect(form).toContainText("项目负责人锁");
  // A personal key binds its holder's own mobile: no administrator fields.
  await expect(page.getByLabel("管理员姓名")).toHaveCount(0);
  await expect(page.getByLabel("管理员身份证号")).toHaveCount(0);
  await expectAccessible(page, "binding form of a personal key");

  await page.getByLabel("手机号", { exact: true }).fill(projectLead.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("button", { name: /秒后重新获取/ })).toBeDisabled();
  await page.getByLabel("短信验证码").fill(await sms.codeFor(projectLead.mobile));
  await page.getByRole("button", { name: "确认绑定" }).click();

  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("center-user")).toHaveText(projectLead.name);
  await expect(page.getByTestId("current-identity")).toHaveText(`${enterprise.name} · 项目负责人`);
  // Not the administrator: no enterprise pages.
  await expect(page.getByRole("menuitem", { name: "企业信息" })).toHaveCount(0);
  await expectAccessible(page, "个人中心 of a project lead");
});

test("【手机号登录】 with the bound mobile and an SMS code opens 个人中心", async ({ page, sms }) => {
  await page.goto("/login");
  await page.getByRole("tab", { name: "手机号登录" }).click();
  await page.getByLabel("手机号", { exact: true }).fill(agent.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("button", { name: /秒后重新获取/ })).toBeDisabled();
  await page.getByLabel("短信验证码").fill(await sms.codeFor(agent.mobile));
  await expectAccessible(page, "手机号登录 filled in, code sent");
  await loginButton(page, "手机号登录").click();

  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("center-user")).toHaveText(agent.name);
  await expect(page.getByTestId("current-identity")).toHaveText(`${enterprise.name} · 授权委托人`);
  await expectAccessible(page, "个人中心 of an authorised agent");
});
