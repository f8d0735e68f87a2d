import { X509Certificate } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { inspectToken } from "./support/inspect-token-process";
import { liuYangKey, PIN } from "./support/people";
import { openCaManagement, signInWithDemoKey } from "./support/portal";

/**
 * J6 (issue 11, acceptance 1): 【更新数字证书】 →【读取 CA 数字证书】→【自助年检】 on a SoftHSM2 token, the guide's
 * §四(二) steps 6–9. Runs after j5-renewal.spec.ts (its Playwright project depends on that one): there the demo
 * administrator paid 刘洋's renewal, keeping 6 of his 9 platforms — 辽宁建设工程信息网 and 辽宁省政府采购平台 among
 * them — and dropping 华晨集团电子采购平台; the three are the demo's integrated platforms, on the demo receiving
 * platform. 刘洋's demo key was moved onto a SoftHSM2 token of its own by the global setup.
 */

const HOLDER = "刘洋";
const DEMO_ENTERPRISE = "演示测试企业";

interface Received {
  platformCode: string;
  type: string;
  payload: { data?: { certificate?: { serialNumber?: string } } };
}

const holderSignsIn = (page: Page) => signInWithDemoKey(page, HOLDER, `${DEMO_ENTERPRISE} · 项目负责人`);

async function openKeyUpdates(page: Page): Promise<void> {
  await openCaManagement(page, "更新数字证书");
  await expect(page.getByTestId("key-updates-table")).toBeVisible();
}

const YEAR_MS = 365 * 86_400_000;

/** A date as the page writes it: YYYY-MM-DD, Beijing time. */
const pageDate = (at: Date | string) => new Date(at).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

test("刘洋 updates his key on a SoftHSM2 token: 延期年检成功, the token holds only the renewed key and certificate, CA login works with it, and the platforms are told", async ({
  page,
  keybridge,
  env,
}) => {
  test.setTimeout(180_000);
  await keybridge.start("liuyang");
  const before = await inspectToken(env);
  const oldCertificate = before.certificates.find((c) => !c.ca);
  expect(before.privateKeyIds).toEqual([liuYangKey.certId]);
  expect(oldCertificate?.id).toBe(liuYangKey.certId);
  const oldParsed = new X509Certificate(oldCertificate?.pem ?? "");
  const oldSerial = oldParsed.serialNumber.toUpperCase();

  await holderSignsIn(page);
  await openKeyUpdates(page);
  const row = page.getByTestId("key-updates-table").getByRole("row", { name: new RegExp(HOLDER) });
  await expect(row).toContainText("个人证书");
  await expect(row).toContainText("项目负责人");
  await expectAccessible(page, "更新数字证书 with 刘洋's paid renewal");

  // 「请更新CA，完成延期」 →【读取 CA 数字证书】: the inserted key holds the paid certificate.
  await row.getByTestId("key-update-action").click();
  const dialog = page.getByRole("dialog", { name: "自助年检" });
  await expect(dialog).toContainText(oldSerial);
  const oldExpiry = /原证书到期时间\s*(\d{4}-\d{2}-\d{2})/.exec((await dialog.textContent()) ?? "")?.[1] ?? "";
  expect(oldExpiry).toBe(pageDate(oldParsed.validTo));
  await dialog.getByRole("button", { name: "读取 CA 数字证书" }).click();
  const read = dialog.getByTestId("key-update-key-read");
  await expect(read).toContainText(`已读取 CA 锁「${liuYangKey.label}」`);
  await expectAccessible(page, "自助年检: the key read");

  // 【自助年检】 → USBKEY 密码 → 生成密钥 … 确认 → 「延期年检成功」, timed from the PIN's 确定.
  await read.getByRole("button", { name: "自助年检" }).click();
  const pinDialog = page.getByRole("dialog", { name: "请输入 USBKEY 密码" });
  await pinDialog.getByLabel("USBKEY 密码").fill(PIN);
  await expectAccessible(page, "自助年检: USBKEY 密码");
  const started = performance.now();
  await pinDialog.getByRole("button", { name: "确定" }).click();
  const success = dialog.getByTestId("key-update-success");
  await expect(success).toContainText("延期年检成功", { timeout: 30_000 });
  const wallTimeMs = Math.round(performance.now() - started);
  // A renewal runs a year on from the old certificate's end, not from today.
  const renewedUntil = pageDate(new Date(new Date(oldParsed.validTo).getTime() + YEAR_MS));
  await expect(dialog.getByTestId("key-update-new-validity")).toHaveText(`新证书有效期至 ${renewedUntil}`);
  await expectAccessible(page, "自助年检: 延期年检成功");
  await reportWallTime(wallTimeMs, env.database);
  await dialog.getByRole("button", { name: "完成" }).click();
  await expect(page.getByTestId("key-updates-table").getByRole("row", { name: new RegExp(HOLDER) })).toHaveCount(0);

  // The token: the renewed certificate next to its new key; the old key and certificate gone.
  const after = await inspectToken(env);
  const renewed = after.certificates.filter((c) => !c.ca);
  expect(renewed).toHaveLength(1);
  expect(after.privateKeyIds).toEqual([renewed[0]?.id]);
  expect(after.privateKeyIds).not.toContain(liuYangKey.certId);
  const newCertificate = new X509Certificate(renewed[0]?.pem ?? "");
  expect(newCertificate.serialNumber).not.toBe(oldParsed.serialNumber);
  expect(newCertificate.subject).toBe(oldParsed.subject);
  expect(newCertificate.publicKey.export({ format: "jwk" })).not.toEqual(oldParsed.publicKey.export({ format: "jwk" }));
  // The chain verifies up to the platform's published root.
  const root = new X509Certificate(await (await page.request.get("/api/v1/ca/root.crt")).text());
  const issuing = after.certificates
    .filter((c) => c.ca)
    .map((c) => new X509Certificate(c.pem))
    .find((ca) => newCertificate.checkIssued(ca));
  expect(issuing && newCertificate.verify(issuing.publicKey)).toBe(true);
  expect(issuing && (issuing.checkIssued(root) || issuing.fingerprint256 === root.fingerprint256)).toBe(true);
  expect(issuing?.verify(root.publicKey)).toBe(true);
  expect(new Date(newCertificate.validTo).getTime()).toBe(new Date(oldParsed.validTo).getTime() + YEAR_MS);

  // CA login with the renewed certificate.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByTestId("hero-login")).toBeVisible();
  await page.goto("/login");
  await expect(page.getByTestId("certificate-item").filter({ hasText: HOLDER })).toHaveCount(1);
  await holderSignsIn(page);

  // The demo receiving platform: certificate.renewed (the renewed certificate) for each chosen integrated
  // platform, certificate.disassociated (the old one) for the dropped one, each verified by its signature.
  const serial = (hex: string | undefined) => (hex ?? "").toLowerCase().replace(/^0+/, "");
  const which = new Map([
    [serial(newCertificate.serialNumber), "renewed certificate"],
    [serial(oldParsed.serialNumber), "old certificate"],
  ]);
  const received = async () => {
    const answer = (await (await fetch(`${env.demoPlatformUrl}/api/received`)).json()) as {
      received: Received[];
      rejected: unknown[];
    };
    expect(answer.rejected).toEqual([]);
    return answer.received
      .map((r) => [r, which.get(serial(r.payload.data?.certificate?.serialNumber))] as const)
      .filter(([, certificate]) => certificate !== undefined)
      .map(([r, certificate]) => `${r.platformCode} ${r.type} (${certificate})`)
      .sort();
  };
  await expect
    .poll(received, { timeout: 30_000 })
    .toEqual([
      "hc-dzcg certificate.disassociated (old certificate)",
      "ln-jsgc certificate.renewed (renewed certificate)",
      "ln-zfcg certificate.renewed (renewed certificate)",
    ]);
  await page.goto(env.demoPlatformUrl);
  await expect(page.getByRole("table")).toContainText("证书已更新（certificate.renewed）");
  await expect(page.getByRole("table")).toContainText("证书已取消关联（certificate.disassociated）");
  await expectAccessible(page, "the demo receiving platform with 刘洋's webhooks");
});

/** The wall time of one key update (PIN → 延期年检成功), kept beside the run's results for the report. */
async function reportWallTime(wallTimeMs: number, database: string): Promise<void> {
  test.info().annotations.push({ type: "key-update-wall-time-ms", description: String(wallTimeMs) });
  const dir = path.resolve(import.meta.dirname, "test-results");
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, `j6-key-update-wall-time-${database}.json`),
    `${JSON.stringify({ wallTimeMs, database, at: new Date().toISOString() })}\n`,
  );
  console.info(`J6: one key update on SoftHSM2 (PIN → 延期年检成功) took ${wallTimeMs} ms (${database})`);
}
