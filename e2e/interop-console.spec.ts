/**
 * 平台互通 and 投递记录 in the operator console: a platform key shown once and then only as its hint, the webhook
 * URL saved, the delivery log — each page accessible.
 */
import { expectAccessible } from "./support/accessibility";
import { consoleLogin, expect, OPERATOR, test } from "./support/fixtures";

test("an operator issues a platform key (shown once), sets the webhook URL, and reads the delivery log", async ({
  page,
}) => {
  await consoleLogin(page);
  await expect(page.getByTestId("console-staff")).toContainText(OPERATOR.displayName);
  await page.getByRole("menuitem", { name: "平台互通" }).click();
  await expect(page.getByRole("heading", { name: "平台互通" })).toBeVisible();
  // The demo seed's two integrated platforms.
  const jsgc = page.getByRole("row", { name: /辽宁建设工程信息网/ });
  await expect(jsgc.getByRole("button", { name: "轮换平台密钥" })).toBeVisible();
  await expect(jsgc).toContainText("webhooks/ln-jsgc");
  await expectAccessible(page, "console 平台互通");

  const row = page.getByRole("row", { name: /辽宁省招标投标监管网/ });
  await row.getByRole("button", { name: "生成平台密钥" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("仅显示这一次");
  const shown = (await dialog.getByTestId("interop-secret").textContent()) ?? "";
  const key = /lnpk_[\w-]{43}/.exec(shown)?.[0] ?? "";
  expect(key).toHaveLength(48);
  expect(shown.trim()).toBe(key);
  await expectAccessible(page, "the key, shown once");
  await dialog.getByRole("button", { name: "我已妥善保存" }).click();
  await expect(row).toContainText(key.slice(0, 11));
  await expect(row).not.toContainText(key);
  await expect(row.getByRole("button", { name: "轮换平台密钥" })).toBeVisible();

  await row.getByRole("button", { name: "设置推送地址" }).click();
  await page.getByLabel("推送地址（留空表示不推送）").fill("https://ztbjg.example.cn/webhooks/lnca");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(row).toContainText("https://ztbjg.example.cn/webhooks/lnca");

  await page.getByRole("menuitem", { name: "投递记录" }).click();
  await expect(page.getByRole("heading", { name: "投递记录" })).toBeVisible();
  await expect(page.getByTestId("webhook-deliveries-table")).toBeVisible();
  await expectAccessible(page, "console 投递记录");
});

test("a reviewer is not offered 平台互通", async ({ page }) => {
  await consoleLogin(page, { username: "reviewer", password: "Lnca@2026" });
  await expect(page.getByRole("menuitem", { name: "审核队列" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "平台互通" })).toHaveCount(0);
  await page.goto("/console/webhook-deliveries");
  await expect(page.getByText("您的角色无权使用此功能")).toBeVisible();
});
