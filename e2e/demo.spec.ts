import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { caLogin } from "./support/portal";

/**
 * The newcomer's demo (README: npm start, open the home page, CA 登录 with a demo key, PIN 111111): the
 * server runs with DEMO=true, and the keybridge serves the soft-token file its demo seed wrote.
 */

test("CA 登录 with the demo enterprise's main key and PIN 111111 opens 王演示's 个人中心", async ({
  page,
  keybridge,
}) => {
  await keybridge.start("demo");

  await page.goto("/");
  await page.getByTestId("hero-login").click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("demo-pin-hint")).toHaveText(/演示 CA 锁密码：\s*111111/);
  // The demo file holds four keys: the main key, two project leads and a cost engineer.
  await expect(page.getByTestId("certificate-item")).toHaveCount(4);
  await expect(page.getByTestId("certificate-item").filter({ hasText: "演示测试企业" })).toContainText(
    "单位(机构)主锁",
  );
  await expectAccessible(page, "CA 登录 with the demo keys and PIN hint");

  await caLogin(page, "演示测试企业", "111111");
  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("binding-form")).toHaveCount(0);
  await expect(page.getByTestId("center-user")).toHaveText("王演示");
  await expect(page.getByTestId("current-identity")).toHaveText("演示测试企业 · 管理员");
  await expectAccessible(page, "个人中心 of the demo administrator");

  // Every page of the administrator's 个人中心 menu.
  for (const name of ["切换身份", "企业信息", "人员管理", "CA 管理", "订单管理", "发票管理"]) {
    await page.getByRole("menuitem", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectAccessible(page, `个人中心 ${name}`);
  }
});
