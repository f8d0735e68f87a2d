import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { loginButton } from "./support/portal";

/**
 * J2 个人信息 (guide §二): a demo person whose information is not complete yet (刘洋, bound by the demo seed
 * with name and ID number from his key) signs in, opens 【编辑个人信息】, is told as he types what is wrong,
 * uploads both sides of his ID card (a renamed executable is refused), 【确认完善信息，返回主页】 → 已完善.
 */
const LIU = { mobile: "13800000002", name: "刘洋", idNumber: "210102198503152342" } as const;

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const EXE = (() => {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
})();

test("【编辑个人信息】: fields checked as typed, both ID-card scans uploaded, 【确认完善信息，返回主页】 → 已完善", async ({
  page,
  sms,
}) => {
  await page.goto("/login");
  await page.getByRole("tab", { name: "手机号登录" }).click();
  await page.getByLabel("手机号", { exact: true }).fill(LIU.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("短信验证码").fill(await sms.codeFor(LIU.mobile));
  await loginButton(page, "手机号登录").click();
  await expect(page).toHaveURL(/\/center$/);

  // 个人中心 says 未完善 and exactly what is missing.
  await expect(page.getByTestId("profile-status")).toHaveText("未完善");
  await expect(page.getByTestId("profile-missing")).toHaveText(
    "尚未填写或上传：电子邮箱、身份证人像面扫描件、身份证国徽面扫描件",
  );
  await expectAccessible(page, "个人中心 with 未完善");

  await page.getByRole("button", { name: "编辑个人信息" }).click();
  await expect(page).toHaveURL(/\/center\/profile$/);
  await expect(page.getByLabel("姓名")).toHaveValue(LIU.name);
  await expect(page.getByLabel("身份证号")).toHaveValue(LIU.idNumber);
  await expect(page.getByTestId("profile-mobile")).toHaveText(LIU.mobile);
  await expectAccessible(page, "编辑个人信息");

  // Checked as typed, with the server's own messages.
  const idNumber = page.getByLabel("身份证号");
  await idNumber.fill("210102198503152343");
  await expect(page.getByText("身份证号码不正确")).toBeVisible();
  await idNumber.fill(LIU.idNumber);
  await expect(page.getByText("身份证号码不正确")).toHaveCount(0);
  const email = page.getByLabel("电子邮箱");
  await email.fill("liuyang@");
  await expect(page.getByText("电子邮箱格式不正确")).toBeVisible();
  await expectAccessible(page, "编辑个人信息 with field errors");
  await email.fill("liuyang@example.com");
  await expect(page.getByText("电子邮箱格式不正确")).toHaveCount(0);

  // A program renamed .png is refused by what its bytes are.
  const front = page.getByTestId("id-scan-front");
  await front.locator("input[type=file]").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: EXE });
  await expect(page.getByText("文件格式不符合要求，仅支持 JPG、PNG、PDF")).toBeVisible();
  await expect(front).toContainText("未上传");

  await front.locator("input[type=file]").setInputFiles({ name: "front.png", mimeType: "image/png", buffer: PNG });
  await expect(front).toContainText("已上传（图片）");
  const back = page.getByTestId("id-scan-back");
  await back.locator("input[type=file]").setInputFiles({ name: "back.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(back).toContainText("已上传（PDF）");
  await expectAccessible(page, "编辑个人信息 with both scans uploaded");

  await page.getByRole("button", { name: "确认完善信息，返回主页" }).click();
  await expect(page).toHaveURL(/\/center$/);
  await expect(page.getByTestId("profile-status")).toHaveText("已完善");
  await expect(page.getByTestId("profile-missing")).toHaveCount(0);
  // Off the owner's editing page the ID number is shown masked.
  await expect(page.getByText("2101**********2342")).toBeVisible();
  await expectAccessible(page, "个人中心 with 已完善");
});
