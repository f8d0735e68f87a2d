import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expectAccessible } from "./support/accessibility";
import { consoleLogin, expect, test } from "./support/fixtures";
import { readState } from "./support/state";

/**
 * 下载中心 in the browser: the keybridge package before and after `npm run build:keybridge` has put one in the
 * server's folder (here a stand-in file with its manifest, as the build writes them: the real build is tested
 * in apps/keybridge/test/package.test.ts), its SHA-256 shown and matching what the browser saves; the FAQ read
 * online and saved as a PDF; the console's build information. Each page passes axe.
 */

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function publishPackage(): { fileName: string; sha256: string } {
  const dir = readState().keybridgeDist;
  mkdirSync(dir, { recursive: true });
  const bytes = randomBytes(64 * 1024);
  const manifest = {
    fileName: "lnca-keybridge-0.1.0-linux-x64",
    version: "0.1.0",
    sha256: sha256(bytes),
    size: bytes.length,
    builtAt: new Date().toISOString(),
    kind: "sea",
    platform: "linux-x64",
    nodeVersion: process.version,
    inputs: "0".repeat(64),
  };
  writeFileSync(path.join(dir, manifest.fileName), bytes);
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  return manifest;
}

test("下载中心: the keybridge package with its version and SHA-256, the 印模采集表 and the FAQ", async ({ page }) => {
  await page.goto("/downloads");
  const keybridge = page.getByTestId("download-keybridge");
  await expect(keybridge.getByText("拓展程序安装包尚未构建")).toBeVisible();
  await expect(keybridge.getByRole("button", { name: "下载拓展程序" })).toBeDisabled();
  await expect(page.getByTestId("sha256-seal-form")).toHaveText(/^[0-9a-f]{64}$/);
  await expectAccessible(page, "下载中心 (not built)");

  const published = publishPackage();
  await page.reload();
  await expect(keybridge.getByText("0.1.0", { exact: true })).toBeVisible();
  await expect(page.getByTestId("sha256-keybridge")).toHaveText(published.sha256);
  const saving = page.waitForEvent("download");
  await keybridge.getByRole("link", { name: "下载拓展程序" }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe(published.fileName);
  expect(sha256(readFileSync(await download.path()))).toBe(published.sha256);
  await expectAccessible(page, "下载中心");

  const sealFormSaving = page.waitForEvent("download");
  await page.getByTestId("download-seal-form").getByRole("link", { name: "下载表格" }).click();
  const sealForm = await sealFormSaving;
  expect(sealForm.suggestedFilename()).toBe("电子签章印模采集表.pdf");
  const sealFormBytes = readFileSync(await sealForm.path());
  expect(sealFormBytes.subarray(0, 5).toString()).toBe("%PDF-");
  await expect(page.getByTestId("sha256-seal-form")).toHaveText(sha256(sealFormBytes));

  await page.getByTestId("download-faq").getByRole("button", { name: "在线阅读" }).click();
  await expect(page).toHaveURL(/\/downloads\/faq$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("网联新平台上线常见问题及注意事项");
  await expect(page.getByRole("heading", { name: /浏览器已阻止本网站访问本机的拓展程序/ })).toBeVisible();
  await expect(page.getByTestId("faq")).toContainText("CA 锁密码已锁定，请联系办理点解锁");
  await expectAccessible(page, "常见问题");
  const faqSaving = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 PDF" }).click();
  const faq = await faqSaving;
  expect(faq.suggestedFilename()).toBe("网联新平台上线常见问题及注意事项.pdf");
  expect(
    readFileSync(await faq.path())
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");

  await consoleLogin(page);
  await page.getByRole("menuitem", { name: "下载中心" }).click();
  const build = page.getByTestId("keybridge-build");
  await expect(build).toContainText("已构建");
  await expect(build).toContainText("单文件可执行程序");
  await expect(build).toContainText("与清单一致");
  await expect(page.getByText(published.sha256)).toBeVisible();
  await expectAccessible(page, "console 下载中心");
});
