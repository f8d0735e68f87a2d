import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { consoleLogin, expect, OPERATOR, test } from "./support/fixtures";
import { openCaManagement, signInWithDemoKey } from "./support/portal";

/**
 * J5 renewal orders and payments through the real web app, the real server in demo mode and its payment
 * sandboxes (issue 10, acceptance 1 and 3), on the demo enterprise of the guide's figures (演示测试企业, whose
 * administrator 王演示 signs in with the main key of the demo soft-token file): 图 3's 300 + 400 = 700 paid with
 * Alipay, 图 5's 550 + 100 = 650 with an 电子普票 paid with WeChat Pay, the invoice issued in the console and
 * mailed, and a certificate in an open order refused by name.
 */

const DEMO_ENTERPRISE = "演示测试企业";
const INVOICE_EMAIL = "caiwu@example.com";

/** The administrator 王演示 signs in with the demo enterprise's main key (bound and complete in the seed). */
const adminSignsIn = (page: Page) => signInWithDemoKey(page, DEMO_ENTERPRISE, `${DEMO_ENTERPRISE} · 管理员`);

/** 【CA 管理】 →【CA 延期年检】, with the enterprise's certificates listed. */
async function openRenewals(page: Page): Promise<Locator> {
  await openCaManagement(page, "CA 延期年检");
  await expect(page).toHaveURL(/\/center\/ca$/);
  const table = page.getByTestId("renewable-table");
  await expect(table.getByRole("row", { name: /刘洋/ })).toBeVisible();
  return table;
}

/** The platform card of one holder on 选择应用平台. */
const card = (page: Page, holder: string) => page.getByTestId("certificate-platforms").filter({ hasText: holder });

/** Ticks or unticks platforms of a card by name. */
async function setPlatforms(card: Locator, names: string[], checked: boolean): Promise<void> {
  for (const name of names) await card.getByRole("checkbox", { name, exact: true }).setChecked(checked);
}

/** The platforms ticked on a card, in the page's order. */
async function tickedPlatforms(card: Locator): Promise<string[]> {
  const boxes = card.getByRole("checkbox");
  const names: string[] = [];
  for (const box of await boxes.all()) {
    if (await box.isChecked()) names.push((await box.evaluate((el) => el.closest("label")?.textContent)) ?? "");
  }
  return names;
}

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

test.beforeEach(async ({ keybridge }) => {
  // The demo enterprise's keys are the demo seed's soft-token file.
  await keybridge.start("demo");
});

test("a certificate in an open order says which order and cannot be chosen; cancelling the order frees it", async ({
  page,
}) => {
  await adminSignsIn(page);
  // The same renewal of 徐静 put together in two tabs (each keeps its own draft) up to 订单确认.
  const other = await page.context().newPage();
  for (const tab of [page, other]) {
    if (tab === other) await other.goto("/center");
    const table = await openRenewals(tab);
    await table.getByRole("checkbox", { name: "选择 徐静 的证书" }).check();
    await tab.getByRole("button", { name: "下一步" }).click();
    await tab.getByRole("button", { name: "下一步" }).click();
    await expect(tab.getByTestId("amount-payable")).toHaveText("300 元");
  }
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page).toHaveURL(/\/center\/orders\/[^/]+\/pay$/);
  const orderNo = (await page.getByTestId("order-no").textContent()) ?? "";
  expect(orderNo).toMatch(/^PL\d{8}\d+$/);

  // The second tab's 【提交订单】 is refused, naming the open order.
  await other.getByRole("button", { name: "提交订单" }).click();
  const refusal = other.getByTestId("open-order-error");
  await expect(refusal).toContainText(`徐静的证书已在订单 ${orderNo} 中`);
  await expect(refusal.getByRole("link", { name: orderNo })).toBeVisible();
  await expectAccessible(other, "订单确认 refused: the certificate is in an open order");
  await other.close();

  // Back on 【CA 延期年检】: 徐静's row names the open order and its box is disabled.
  let table = await openRenewals(page);
  const row = table.getByRole("row", { name: /徐静/ });
  await expect(row.getByTestId("open-order-link")).toHaveText(`已在订单 ${orderNo} 中`);
  await expect(row.getByRole("checkbox", { name: "选择 徐静 的证书" })).toBeDisabled();
  await expectAccessible(page, "CA 延期年检 with a certificate in an open order");

  // The link opens the order; 【取消订单】 frees the certificate.
  await row.getByTestId("open-order-link").click();
  await expect(page.getByTestId("order-no")).toHaveText(orderNo);
  await page.getByRole("button", { name: "取消订单" }).click();
  const confirmation = page.getByRole("dialog");
  await expect(confirmation).toContainText(orderNo);
  await confirmation.getByRole("button", { name: "取消订单" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已取消");
  table = await openRenewals(page);
  await expect(table.getByRole("checkbox", { name: "选择 徐静 的证书" })).toBeEnabled();
});

test("图 3–5: 300 + 400 = 700 paid with Alipay; 550 + 100 = 650 with an 电子普票 paid with WeChat Pay; the invoice issued and mailed", async ({
  page,
  browser,
  env,
}) => {
  test.setTimeout(300_000);
  await adminSignsIn(page);

  // 图 1–2: 【CA 延期年检】, 刘洋 and 徐静 ticked →【下一步】.
  let table = await openRenewals(page);
  await expectAccessible(page, "CA 延期年检");
  await table.getByRole("checkbox", { name: "选择 刘洋 的证书" }).check();
  await table.getByRole("checkbox", { name: "选择 徐静 的证书" }).check();
  await expect(page.getByTestId("renewal-selected-count")).toContainText("已选择 2 张证书");
  await page.getByRole("button", { name: "下一步" }).click();

  // 图 3: 刘洋 keeps 6 of his 9 platforms (the 3 dropped are marked), 徐静 adds 2 to her 6.
  await expect(page).toHaveURL(/\/center\/ca\/renew\/platforms$/);
  const liu = card(page, "刘洋");
  const xu = card(page, "徐静");
  await expect(liu.getByRole("checkbox", { checked: true })).toHaveCount(9);
  await expect(xu.getByRole("checkbox", { checked: true })).toHaveCount(6);
  await setPlatforms(liu, ["锦州市公共资源平台", "朝阳市公共资源平台", "华晨集团电子采购平台"], false);
  await setPlatforms(xu, ["锦州市公共资源平台", "朝阳市公共资源平台"], true);
  await expect(liu.getByRole("checkbox", { checked: true })).toHaveCount(6);
  await expect(xu.getByRole("checkbox", { checked: true })).toHaveCount(8);
  await expect(liu.getByTestId("certificate-price")).toHaveText("300 元");
  await expect(xu.getByTestId("certificate-price")).toHaveText("400 元");
  await expect(page.getByTestId("renewal-total")).toHaveText("700 元");
  await expect(liu.getByTestId("platform-dropped")).toHaveCount(3);
  await expect(xu.getByTestId("platform-dropped")).toHaveCount(0);
  await expect(page.getByText(/请谨慎选择勾选关联平台/)).toBeVisible();
  await expectAccessible(page, "选择应用平台 with 300 + 400 = 700 and the dropped platforms marked");
  await page.getByRole("button", { name: "下一步" }).click();

  // 图 4: 订单确认 — 原关联平台 vs 现关联平台, 应付金额 700 →【提交订单】.
  await expect(page).toHaveURL(/\/center\/ca\/renew\/confirm$/);
  await expect(page.getByTestId("product-amount")).toHaveText("700 元");
  await expect(page.getByRole("cell", { name: "x2" })).toBeVisible();
  const liuItem = page.getByTestId("renewal-item").filter({ hasText: "刘洋" });
  await expect(liuItem.getByTestId("item-price")).toHaveText("300 元");
  // 原关联平台 shows his 9, the 3 dropped struck through; 现关联平台 the 6 kept.
  await expect(liuItem.getByText("（将取消关联）")).toHaveCount(3);
  await expect(liuItem.getByText("现关联平台").locator("..")).not.toContainText("华晨集团电子采购平台");
  await expect(page.getByTestId("renewal-item").filter({ hasText: "徐静" }).getByTestId("item-price")).toHaveText(
    "400 元",
  );
  await expect(page.getByTestId("amount-payable")).toHaveText("700 元");
  await expectAccessible(page, "订单确认 of 700 元");
  await page.getByRole("button", { name: "提交订单" }).click();

  // 支付确认: the server priced it the same; no invoice; 支付宝 →【立即支付】→ the sandbox cashier.
  await expect(page).toHaveURL(/\/center\/orders\/[^/]+\/pay$/);
  await expect(page.getByTestId("amount-payable")).toHaveText("700 元");
  const firstOrderNo = (await page.getByTestId("order-no").textContent()) ?? "";
  expect(firstOrderNo).toMatch(/^PL\d+$/);
  await expectAccessible(page, "支付确认 of 700 元");
  await page.getByRole("radio", { name: "不开具" }).check();
  await page.getByRole("radio", { name: /支付宝/ }).check();
  await page.getByRole("button", { name: "立即支付" }).click();
  await expect(page).toHaveURL(/\/sandbox\/alipay\//);
  await expect(page.getByRole("heading", { name: "支付宝 模拟收银台" })).toBeVisible();
  await expect(page.getByText("¥700.00")).toBeVisible();
  await expectAccessible(page, "支付宝 模拟收银台");
  await page.getByRole("button", { name: "确认付款" }).click();

  // Back on the order: the notification, verified with the Alipay public key, made it 已支付.
  await expect(page).toHaveURL(/\/center\/orders\/[^/]+$/);
  await expect(page.getByTestId("order-no")).toHaveText(firstOrderNo);
  await expect(page.getByTestId("order-status")).toHaveText("已支付", { timeout: 30_000 });
  await expectAccessible(page, "订单详情 已支付 (Alipay)");

  // 图 5: the main key with 9 platforms and 文华's cost-engineer key with 1.
  table = await openRenewals(page);
  // The demo key's row (the 证书名录 example another test imports adds an old-platform main key of 演示测试企业).
  await table
    .getByRole("row")
    .filter({ hasText: "单位(机构)主锁" })
    .filter({ hasText: "鞍山公共资源平台" })
    .getByRole("checkbox", { name: `选择 ${DEMO_ENTERPRISE} 的证书` })
    .check();
  await table.getByRole("checkbox", { name: "选择 文华 的证书" }).check();
  await page.getByRole("button", { name: "下一步" }).click();
  const main = card(page, DEMO_ENTERPRISE);
  const wen = card(page, "文华");
  await setPlatforms(main, ["大连市公共资源平台", "鞍山公共资源平台"], false);
  await setPlatforms(
    main,
    ["大连政府采购平台", "锦州市公共资源平台", "华晨集团电子采购平台", "沈抚示范区建设项目管理平台"],
    true,
  );
  expect(await tickedPlatforms(main)).toEqual([
    "辽宁建设工程信息网",
    "辽宁省招标投标监管网",
    "辽宁省政府采购平台",
    "辽宁省公共资源平台",
    "沈阳市公共资源平台",
    "大连政府采购平台",
    "锦州市公共资源平台",
    "华晨集团电子采购平台",
    "沈抚示范区建设项目管理平台",
  ]);
  expect(await tickedPlatforms(wen)).toEqual(["辽宁建设工程信息网"]);
  await expect(main.getByTestId("certificate-price")).toHaveText("550 元");
  await expect(wen.getByTestId("certificate-price")).toHaveText("100 元");
  await expect(page.getByTestId("renewal-total")).toHaveText("650 元");
  await expect(main.getByTestId("platform-dropped")).toHaveCount(2);
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByTestId("amount-payable")).toHaveText("650 元");
  await page.getByRole("button", { name: "提交订单" }).click();

  // 支付确认 with an 电子普票 for the enterprise, its title from the approved 开票信息.
  await expect(page).toHaveURL(/\/center\/orders\/[^/]+\/pay$/);
  await expect(page.getByTestId("amount-payable")).toHaveText("650 元");
  const secondOrderNo = (await page.getByTestId("order-no").textContent()) ?? "";
  expect(secondOrderNo).not.toBe(firstOrderNo);
  await page.getByRole("radio", { name: "开具", exact: true }).check();
  await page.getByRole("radio", { name: "电子普票" }).check();
  await page.getByRole("radio", { name: "企业发票" }).check();
  await page.getByRole("button", { name: "编辑发票抬头信息" }).click();
  await expect(page.getByLabel("单位名称")).toHaveValue(DEMO_ENTERPRISE);
  await expect(page.getByLabel("纳税人识别号")).toHaveValue("91210102MA0Y8D0Q2J");
  await expect(page.getByLabel("开户行账号")).toHaveValue("3301000109200100001");
  // 接收邮箱 starts as the payer's own e-mail (个人信息); the finance office's is typed instead.
  await expect(page.getByLabel("接收邮箱")).toHaveValue("wang.demo@example.com");
  await page.getByLabel("接收邮箱").fill(INVOICE_EMAIL);
  await page.getByRole("radio", { name: /微信支付/ }).check();
  await expectAccessible(page, "支付确认 of 650 元 with an 电子普票 and the title open for editing");
  await page.getByRole("button", { name: "立即支付" }).click();

  // The Native-pay code as a QR code; the sandbox's 模拟扫码支付 opens in a new tab, as a phone would.
  await expect(page).toHaveURL(/\/center\/orders\/[^/]+\/pay\/wechat\/[^/]+$/);
  const qr = page.getByTestId("wechat-qr");
  await expect(qr).toHaveAttribute("data-code-url", /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
  await expectAccessible(page, "微信支付 QR code");
  const [scan] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByTestId("sandbox-scan-link").click(),
  ]);
  await expect(scan.getByText("¥650.00")).toBeVisible();
  await expectAccessible(scan, "微信支付 模拟扫码支付");
  await scan.getByRole("button", { name: "确认支付" }).click();
  await expect(scan.getByRole("status")).toHaveText("支付成功");
  await expectAccessible(scan, "微信支付 支付成功 in the sandbox");
  await scan.close();

  // The portal learns it from the signed, encrypted notification.
  await expect(page.getByTestId("payment-success")).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, "微信支付 支付成功");
  await page.getByRole("button", { name: "查看订单" }).click();
  await expect(page).toHaveURL(/\/center\/orders\/[^/]+$/);
  await expect(page.getByTestId("order-no")).toHaveText(secondOrderNo);
  await expect(page.getByTestId("order-status")).toHaveText("已支付");

  // 【订单管理】 lists both, paid.
  await page.getByRole("menuitem", { name: "订单管理" }).click();
  const orders = page.getByTestId("orders-table");
  for (const orderNo of [firstOrderNo, secondOrderNo]) {
    await expect(orders.getByRole("row", { name: new RegExp(orderNo) })).toContainText("已支付");
  }
  await expectAccessible(page, "订单管理 with two paid orders");

  // The console: both orders and their payments, a day's totals per channel.
  const operator = await newPage(browser, env.baseUrl);
  await consoleLogin(operator, OPERATOR);
  await expect(operator.getByTestId("console-staff")).toBeVisible();
  await operator.goto("/console/orders");
  const consoleOrders = operator.getByTestId("console-orders-table");
  await expect(consoleOrders.getByRole("row", { name: new RegExp(firstOrderNo) })).toContainText("700");
  await expect(consoleOrders.getByRole("row", { name: new RegExp(secondOrderNo) })).toContainText("650");
  // Today's takings: one payment per channel.
  const totals = operator.getByTestId("daily-totals");
  await expect(totals).toContainText("700 元");
  await expect(totals).toContainText("650 元");
  await expectAccessible(operator, "console 订单与支付");
  await operator.getByRole("tab", { name: "支付记录" }).click();
  await expectAccessible(operator, "console 支付记录");

  // 发票管理: the request of the second order → 生成演示发票 → 已开具 and mailed with the PDF.
  await operator.goto("/console/invoices");
  const request = operator.getByTestId("console-invoices-table").getByRole("row", { name: new RegExp(secondOrderNo) });
  await expect(request).toContainText(INVOICE_EMAIL);
  await expect(request).toContainText("电子普票");
  await expectAccessible(operator, "console 发票管理 with a request");
  await request.getByRole("button", { name: "生成演示发票" }).click();
  const popconfirm = operator.getByRole("tooltip").filter({ hasText: "生成演示发票" });
  await expect(popconfirm).toContainText("发送至接收邮箱");
  await popconfirm.getByRole("button", { name: "生成" }).click();
  await expect(operator.getByText(`订单 ${secondOrderNo} 的发票已开具`)).toBeVisible();
  await operator.goto("/console/mail-outbox");
  const mail = operator.getByTestId("mail-outbox-table").getByRole("row").filter({ hasText: INVOICE_EMAIL });
  await expect(mail.first()).toContainText(".pdf");
  await expectAccessible(operator, "console 邮件发件箱 with the invoice mail");
  await operator.context().close();

  // 【发票管理】 of the administrator: 已开具, with its download.
  await page.getByRole("menuitem", { name: "发票管理" }).click();
  const invoice = page.getByTestId("invoice-requests-table").getByRole("row", { name: new RegExp(secondOrderNo) });
  await expect(invoice).toContainText("已开具");
  const downloading = page.waitForEvent("download");
  await invoice.getByRole("link", { name: /下载/ }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile((await file.path()) ?? "")).subarray(0, 5).toString()).toBe("%PDF-");
  await expectAccessible(page, "发票管理 已开具");

  // 【更新数字证书】: the paid renewals wait for their holders; the main key's is 王演示's own.
  await openCaManagement(page, "更新数字证书");
  const updates = page.getByTestId("key-updates-table");
  await expect(updates.getByRole("row", { name: new RegExp(DEMO_ENTERPRISE) })).toContainText("请更新CA，完成延期");
  await expectAccessible(page, "更新数字证书 with the paid main key");
});
