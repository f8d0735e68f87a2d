import type { Browser, Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { consoleLogin, expect, OPERATOR, type SmsInbox, test } from "./support/fixtures";
import { adminTaken, contested, enterprise, oldPlatform, PIN } from "./support/people";
import { caLogin } from "./support/portal";

/**
 * J1 binding rules through the real web app and keybridge: a certificate from the old platform's 证书名录
 * binds without registration; 一锁一人一账号 (a key bound once cannot be bound again, even from a binding
 * form opened before); one administrator per enterprise.
 */

/** A fresh browser (its own cookies), as a second person at another PC with the same key. */
async function newPortal(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

/** On the binding form of a personal key: the mobile, its SMS code (from the 短信发件箱), 确认绑定. */
async function bindPersonalKey(page: Page, sms: SmsInbox, mobile: string) {
  await page.getByLabel("手机号", { exact: true }).fill(mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("button", { name: /秒后重新获取/ })).toBeDisabled();
  await page.getByLabel("短信验证码").fill(await sms.codeFor(mobile));
  await page.getByRole("button", { name: "确认绑定" }).click();
}

test("a key from the old platform's 证书名录 binds on its first CA login without registering", async ({
  page,
  browser,
  env,
  sms,
}) => {
  const { serial, issuer } = env.registryCertificate;
  const issuerCn = /(?:^|,)\s*CN=([^,]+)/.exec(issuer)?.[1];
  if (!issuerCn) throw new Error(`no CN in the issuer ${issuer}`);

  // The operator imports the old platform's export on 证书名录.
  const operatorPage = await newPortal(browser, env.baseUrl);
  await consoleLogin(operatorPage);
  await expect(operatorPage.getByTestId("console-staff")).toContainText(OPERATOR.displayName);
  await operatorPage.getByRole("menuitem", { name: "证书名录" }).click();
  await expect(operatorPage).toHaveURL(/\/console\/registry$/);
  const { enterprise: company, holder } = oldPlatform;
  await operatorPage
    .getByTestId("registry-csv")
    .fill(
      [
        "serial,issuer,holder,enterprise_uscc,category,platforms,enterprise_name",
        `${serial},${issuerCn},${holder.name},${company.uscc},project_lead,ln-jsgc|sy-ggzy,${company.name}`,
      ].join("\n"),
    );
  await operatorPage.getByRole("button", { name: "开始导入" }).click();
  const result = operatorPage.getByTestId("registry-result");
  await expect(result).toContainText("新增1条");
  await expect(result).toContainText("未导入0条");
  await expectAccessible(operatorPage, "证书名录 after an import");
  await operatorPage.context().close();

  // The holder's first CA login: the platform knows the key, only the binding details are asked.
  await page.goto("/login");
  await caLogin(page, holder.name, PIN);
  const form = page.getByTestId("binding-form");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("known-from-registry")).toContainText("已在老平台办理，无需重新注册");
  await expect(form.getByRole("row", { name: /持证人/ })).toContainText(holder.name);
  await expect(form).toContainText("项目负责人锁");
  await expectAccessible(page, "binding form of a key from the 证书名录");

  await bindPersonalKey(page, sms, holder.mobile);
  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("center-user")).toHaveText(holder.name);
  await expect(page.getByTestId("current-identity")).toHaveText(`${company.name} · 项目负责人`);
});

test("a key bound from one binding form cannot be bound again from another: 一锁一人一账号", async ({
  page,
  browser,
  env,
  sms,
}) => {
  // Two people reach the same unbound key's binding form (say, the key passed between PCs).
  const other = await newPortal(browser, env.baseUrl);
  for (const portal of [page, other]) {
    await portal.goto("/login");
    await caLogin(portal, contested.holder.name, PIN);
    await expect(portal.getByTestId("binding-form")).toContainText("CA 个人锁登录");
  }

  // The holder binds first.
  await bindPersonalKey(page, sms, contested.holder.mobile);
  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("center-user")).toHaveText(contested.holder.name);
  await expect(page.getByTestId("current-identity")).toHaveText(`${enterprise.name} · 项目负责人`);

  // The other person's form is refused, and stays.
  await bindPersonalKey(other, sms, contested.other.mobile);
  await expect(other.getByTestId("binding-error")).toHaveText("该 CA 锁已绑定其他账号，一锁一人一账号");
  await expect(other.getByTestId("binding-form")).toBeVisible();
  await expect(other).toHaveURL(/\/login$/);
  await expectAccessible(other, "binding form refused: key already bound");
  await other.context().close();
});

test("a second main key of an enterprise with an administrator cannot make another person administrator", async ({
  page,
  sms,
}) => {
  const { enterprise: company, challenger } = adminTaken;
  await page.goto("/login");
  await caLogin(page, company.name, PIN);
  const form = page.getByTestId("binding-form");
  await expect(form).toContainText("CA 主锁登录");
  await expect(form.getByRole("row", { name: /持证单位/ })).toContainText(company.name);

  await page.getByLabel("管理员姓名").fill(challenger.name);
  await page.getByLabel("管理员手机号").fill(challenger.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("button", { name: /秒后重新获取/ })).toBeDisabled();
  await page.getByLabel("短信验证码").fill(await sms.codeFor(challenger.mobile));
  await page.getByLabel("管理员身份证号").fill(challenger.idNumber);
  await page.getByRole("button", { name: "确认绑定" }).click();

  await expect(page.getByTestId("binding-error")).toHaveText("该企业已有管理员，身份唯一");
  await expect(form).toBeVisible();
  await expectAccessible(page, "binding form refused: enterprise has an administrator");
  await expect(page).toHaveURL(/\/login$/);
});
