import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { insertedCertificates } from "./support/people";

/** J4 / CA 登录: the page tells a user without the keybridge what to do, and notices it start, no reload. */

test("CA 登录 shows the missing-driver alert and picks the keybridge up once it starts", async ({
  page,
  keybridge,
}) => {
  await keybridge.stop();
  try {
    await page.goto("/login");
    const missing = page.getByTestId("keybridge-missing");
    await expect(missing).toContainText("未检测到 CA 互联互通(辽宁版) 驱动（拓展程序）");
    await expect(page.getByTestId("keybridge-install-steps")).toBeVisible();
    await expect(missing.getByRole("button", { name: "下载拓展程序" })).toBeVisible();
    await expect(page.getByTestId("certificate-item")).toHaveCount(0);
    await expectAccessible(page, "CA 登录 without the keybridge");

    // Mark this document: if the page reloaded, the mark would be gone.
    // (A string: the root tsconfig has no DOM types.)
    await page.evaluate('document.documentElement.dataset.e2eMark = "same-document"');
    await keybridge.start();
    await expect(page.getByTestId("certificate-item")).toHaveCount(insertedCertificates);
    await expect(page.getByText("已连接 CA 互联互通(辽宁版) 驱动")).toBeVisible();
    await expect(missing).toHaveCount(0);
    await expectAccessible(page, "CA 登录 once the keybridge started");

    // Quitting the program is noticed the same way.
    await keybridge.stop();
    await expect(missing).toBeVisible();
    await keybridge.start();
    await expect(page.getByTestId("certificate-item")).toHaveCount(insertedCertificates);
    await expect(page.locator("html")).toHaveAttribute("data-e2e-mark", "same-document");
  } finally {
    await keybridge.start();
  }
});
