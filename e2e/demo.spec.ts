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

  // Every page of the administrator's 个人中心 menu (【CA 管理】 opens its two pages: the guide's 【CA 管理】→【…】).
  const pages = [
    { items: ["切换身份"], heading: "切换身份" },
    { items: ["企业信息"], heading: "企业信息" },
    { items: ["人员管理"], heading: "人员管理" },
    { items: ["CA 管理", "CA 延期年检"], heading: "CA 管理" },
    { items: ["更新数字证书"], heading: "CA 管理" },
    { items: ["订单管理"], heading: "订单管理" },
    { items: ["发票管理"], heading: "发票管理" },
  ];
  for (const { items, heading } of pages) {
    for (const name of items) await page.getByRole("menuitem", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, `个人中心 ${items.join(" → ")}`);
  }
});
