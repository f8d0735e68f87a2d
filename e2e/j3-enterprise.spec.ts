import { readFile } from "node:fs/promises";
import { generateLicence } from "@lnca/licence-corpus";
import type { Browser, Locator, Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { consoleLogin, expect, OPERATOR, test } from "./support/fixtures";
import { admin, enterprise, PIN } from "./support/people";
import { caLogin } from "./support/portal";

/**
 * J3 企业信息 and its review, through the real web app, the real keybridge and the console (acceptance 1 of
 * issue 9): the administrator of 浑南智造 completes personal information (已完善), fills the three steps with a
 * generated licence and ID scans, sees the licence comparison (注册资本 red: 800 万 entered, 壹仟万元整 printed),
 * downloads the 电子签章印模采集表 and uploads it, submits (待审核); the reviewer rejects with an opinion; the
 * administrator reads it, fixes 注册资本 and resubmits; the reviewer approves; the administrator sees 审核通过 and
 * the SMS is in the outbox.
 */

const REVIEWER = { username: "reviewer", password: "Lnca@2026" } as const;
const ADDRESS = "辽宁省沈阳市浑南区智慧大街1号";
const OPINION = "注册资本与营业执照不一致，请核对后重新提交";

const licence = generateLicence({
  seed: 7,
  kind: "clean",
  fields: {
    name: enterprise.name,
    uscc: enterprise.uscc,
    legalRepresentative: admin.name,
    address: ADDRESS,
    registeredCapital: "壹仟万元整",
  },
});
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

async function upload(page: Page, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const item = page.getByTestId(`attachment-${kind}`);
  await item.locator("input[type=file]").setInputFiles(file);
  await expect(item).toContainText(file.name);
}

async function pickRegion(page: Page, field: Locator, path: string[]) {
  await field.click();
  for (const name of path) await page.locator(".ant-cascader-menu-item", { hasText: name }).first().click();
}

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

/** The administrator signs in with the enterprise's main key (binding it if this run has not yet). */
async function adminSignsIn(page: Page, sms: { codeFor(mobile: string): Promise<string> }) {
  await page.goto("/login");
  await caLogin(page, enterprise.name, PIN);
  const binding = page.getByTestId("binding-form");
  await expect(binding.or(page.getByTestId("current-identity"))).toBeVisible();
  if (await binding.isVisible()) {
    await page.getByLabel("管理员姓名").fill(admin.name);
    await page.getByLabel("管理员手机号").fill(admin.mobile);
    await page.getByRole("button", { name: "获取验证码" }).click();
    await page.getByLabel("短信验证码").fill(await sms.codeFor(admin.mobile));
    await page.getByLabel("管理员身份证号").fill(admin.idNumber);
    await page.getByRole("button", { name: "确认绑定" }).click();
  }
  await expect(page.getByTestId("current-identity")).toHaveText(`${enterprise.name} · 管理员`);
}

/** A reviewer opens the revision from the queue and claims it. */
async function reviewerClaims(reviewer: Page): Promise<void> {
  await reviewer.goto("/console/review");
  const row = reviewer.getByTestId("review-queue-table").getByRole("row", { name: new RegExp(enterprise.name) });
  await expect(row).toBeVisible();
  await expectAccessible(reviewer, "审核队列 with the submitted revision");
  await row.getByRole("button", { name: /领取/ }).click();
  await expect(reviewer.getByTestId("review-claim")).toContainText("您已领取");
}

test("企业信息: three steps, licence comparison, 印模采集表, 待审核 → 审核不通过 → resubmitted → 审核通过, SMS", async ({
  page,
  browser,
  env,
  sms,
}) => {
  test.setTimeout(240_000);
  await adminSignsIn(page, sms);

  // 个人信息 first: e-mail and both ID-card scans (name and ID number came with the binding) → 已完善.
  await page.getByRole("button", { name: "编辑个人信息" }).click();
  await page.getByLabel("电子邮箱").fill("zhao.lixin@example.com");
  await page.getByTestId("id-scan-front").locator("input[type=file]").setInputFiles({
    name: "front.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await expect(page.getByTestId("id-scan-front")).toContainText("已上传");
  await page.getByTestId("id-scan-back").locator("input[type=file]").setInputFiles({
    name: "back.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await expect(page.getByTestId("id-scan-back")).toContainText("已上传");
  await page.getByRole("button", { name: "确认完善信息，返回主页" }).click();
  await expect(page.getByTestId("profile-status")).toHaveText("已完善");

  // 【企业信息】 → 未提交 →【编辑企业信息】.
  await page.getByRole("menuitem", { name: "企业信息" }).click();
  await expect(page.getByTestId("enterprise-info-status")).toHaveText("未提交");
  await expectAccessible(page, "企业信息 before anything was submitted");
  await page.getByRole("button", { name: "编辑企业信息" }).click();
  await expect(page.getByText("页面内容均为必填项，审核周期为一个工作日，审核结果以短信形式告知。")).toBeVisible();

  // Step 1 单位基本信息, checked as typed.
  await page.getByLabel("单位名称").fill(enterprise.name);
  await page.getByLabel("住所").fill(ADDRESS);
  await page.getByLabel("法定代表人", { exact: true }).fill(admin.name);
  const capital = page.getByLabel("注册资本（元）");
  await capital.fill("0");
  await expect(page.getByText("注册资本应为大于 0 的金额（元），最多两位小数")).toBeVisible();
  await capital.fill("8000000");
  await pickRegion(page, page.getByLabel("企业注册地"), ["辽宁省", "沈阳市", "浑南区"]);
  const idNumber = page.getByLabel("法定代表人身份证号");
  await idNumber.fill("210102198203150410");
  await expect(page.getByText("身份证号码不正确")).toBeVisible();
  await idNumber.fill(admin.idNumber);
  const mobile = page.getByLabel("法定代表人手机号");
  await mobile.fill("1391234");
  await expect(page.getByText("手机号码不正确")).toBeVisible();
  await mobile.fill(admin.mobile);
  await page.getByRole("checkbox", { name: "投标单位" }).check();
  await page.getByLabel("办理点").fill("沈阳");
  await page.locator(".ant-select-item-option", { hasText: "沈阳市办理点" }).click();
  await upload(page, "legalRepresentativeIdBack", { name: "国徽面.png", mimeType: "image/png", buffer: PNG });
  await upload(page, "legalRepresentativeIdFront", { name: "人像面.pdf", mimeType: "application/pdf", buffer: PDF });
  // The licence must be a picture: a PDF is refused by its bytes.
  await page
    .getByTestId("attachment-businessLicence")
    .locator("input[type=file]")
    .setInputFiles({ name: "执照.jpg", mimeType: "image/jpeg", buffer: PDF });
  await expect(page.getByText(/文件格式不符合要求/)).toBeVisible();
  await upload(page, "businessLicence", {
    name: "营业执照.jpg",
    mimeType: licence.mime,
    buffer: Buffer.from(licence.bytes),
  });
  await expectAccessible(page, "编辑企业信息 step 1 filled in");

  // 【下一步】: the licence is read and compared (figure 3): 注册资本 differs, the rest agrees.
  await page.getByRole("button", { name: "下一步" }).click();
  const comparison = page.getByTestId("licence-comparison");
  await expect(comparison).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/通过系统智能对比，结果为绿色代表数据对比一致/)).toBeVisible();
  await expect(comparison.locator('[data-field="registeredCapital"]')).toHaveClass(/different/);
  for (const field of ["name", "uscc", "legalRepresentative", "address"]) {
    await expect(comparison.locator(`[data-field="${field}"]`)).toHaveClass(/same/);
  }
  await expectAccessible(page, "licence comparison dialog");
  await page.getByRole("button", { name: "确定" }).click();

  // Step 2 开票信息 (title and taxpayer id start from step 1; the taxpayer id is a USCC, its check digit checked).
  const taxpayerId = page.getByLabel("纳税人识别号");
  await expect(taxpayerId).toHaveValue(enterprise.uscc);
  await taxpayerId.fill(`${enterprise.uscc.slice(0, 17)}${enterprise.uscc.endsWith("0") ? "1" : "0"}`);
  await expect(page.getByText("纳税人识别号不正确（应为 18 位统一社会信用代码）")).toBeVisible();
  await taxpayerId.fill(enterprise.uscc);
  await page.getByLabel("地址", { exact: true }).fill(ADDRESS);
  const phone = page.getByLabel("电话");
  await phone.fill("12345");
  await expect(page.getByText("电话应为带区号的固定电话（如 024-12345678）或手机号")).toBeVisible();
  await phone.fill("024-31234567");
  await page.getByLabel("开户行", { exact: true }).fill("中国建设银行沈阳浑南支行");
  await page.getByLabel("开户行账号").fill("2105 0100 0000 1234 5678");
  await upload(page, "bankAccountLicence", { name: "开户许可证.pdf", mimeType: "application/pdf", buffer: PDF });
  await expectAccessible(page, "编辑企业信息 step 2");
  await page.getByRole("button", { name: "下一步" }).click();

  // Step 3 签署信息: 【下载】 the form (a PDF of this enterprise), upload it "stamped", 【提交审核】 →【确定】.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载" }).click();
  const form = await readFile((await (await downloading).path()) ?? "");
  expect(form.subarray(0, 5).toString()).toBe("%PDF-");
  await upload(page, "sealForm", { name: "电子签章印模采集表.pdf", mimeType: "application/pdf", buffer: form });
  await expectAccessible(page, "编辑企业信息 step 3");
  await page.getByRole("button", { name: "提交审核" }).click();
  const confirmation = page.getByRole("dialog");
  await expect(confirmation).toContainText(enterprise.uscc);
  await expect(confirmation).toContainText("营业执照.jpg");
  await expectAccessible(page, "submission confirmation");
  await confirmation.getByRole("button", { name: "确定" }).click();
  await expect(page.getByTestId("enterprise-info-status")).toHaveText("待审核");
  await expectAccessible(page, "企业信息 待审核");

  // The reviewer claims it, sees the comparison, and rejects it with an opinion.
  const reviewer = await newPage(browser, env.baseUrl);
  await consoleLogin(reviewer, REVIEWER);
  await expect(reviewer.getByTestId("console-staff")).toBeVisible();
  await reviewerClaims(reviewer);
  await expect(reviewer.getByText(ADDRESS).first()).toBeVisible();
  await expectAccessible(reviewer, "review detail, claimed");
  await reviewer.getByRole("button", { name: "审核不通过" }).click();
  const rejection = reviewer.getByRole("dialog", { name: "审核不通过" });
  await rejection.getByLabel("处理意见").fill(OPINION);
  await expectAccessible(reviewer, "审核不通过 dialog");
  await rejection.getByRole("button", { name: "确认不通过" }).click();
  await expect(reviewer).toHaveURL(/\/console\/review$/);

  // The administrator reads 审核不通过 and the opinion, fixes 注册资本 and resubmits.
  await page.reload();
  await expect(page.getByTestId("enterprise-info-status")).toHaveText("审核不通过");
  await expect(page.getByTestId("review-opinion")).toContainText(OPINION);
  await expectAccessible(page, "企业信息 审核不通过");
  await page.getByRole("button", { name: "编辑企业信息" }).first().click();
  await expect(page.getByLabel("单位名称")).toHaveValue(enterprise.name);
  await page.getByLabel("注册资本（元）").fill("10000000");
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(comparison.locator('[data-field="registeredCapital"]')).toHaveClass(/same/, { timeout: 30_000 });
  await page.getByRole("button", { name: "确定" }).click();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "提交审核" }).click();
  // As the first time: the confirmation is read (fully open) before 【确定】.
  await expect(confirmation).toContainText(enterprise.uscc);
  await expect(confirmation).toContainText("电子签章印模采集表.pdf");
  await confirmation.getByRole("button", { name: "确定" }).click();
  await expect(page.getByTestId("enterprise-info-status")).toHaveText("待审核");

  // The reviewer sees what changed since the rejected version's history and approves.
  await reviewerClaims(reviewer);
  await expect(reviewer.getByText(OPINION)).toBeVisible();
  await reviewer.getByRole("button", { name: "审核通过" }).click();
  await reviewer.getByRole("button", { name: "确认通过" }).click();
  await expect(reviewer).toHaveURL(/\/console\/review$/);
  await reviewer.context().close();

  await page.reload();
  await expect(page.getByTestId("enterprise-info-status")).toHaveText("审核通过");
  await expectAccessible(page, "企业信息 审核通过");

  // The decision reached the administrator by SMS (the outbox, as the operator sees it).
  const operator = await newPage(browser, env.baseUrl);
  await consoleLogin(operator, OPERATOR);
  await expect(operator.getByTestId("console-staff")).toBeVisible();
  await operator.goto("/console/sms-outbox");
  const message = operator.getByTestId("sms-outbox-table").getByRole("row").filter({ hasText: "企业信息审核通过" });
  await expect(message.first()).toContainText(enterprise.name);
  await operator.context().close();
});
