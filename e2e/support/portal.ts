import { expect, type Page } from "@playwright/test";
import { PIN } from "./people";

/**
 * The submit button of a login tab. Matched by "contains 登录" inside the tab, not by exact name: after a
 * very fast failure (a wrong PIN is refused in ~40 ms) antd may leave the loading icon in the button, so
 * its accessible name is then 「loading 登录」 although it is enabled and clickable.
 */
export const loginButton = (page: Page, tab: "CA 登录" | "手机号登录") =>
  page.getByRole("tabpanel", { name: tab }).getByRole("button", { name: "登录" });

/** On 【CA 登录】: pick the certificate whose holder is `holder`, enter the PIN, press 登录. */
export async function caLogin(page: Page, holder: string, pin: string) {
  const certificate = page.getByTestId("certificate-item").filter({ hasText: holder });
  await certificate.click();
  await expect(page.getByRole("radio", { name: new RegExp(holder) })).toBeChecked();
  await page.getByPlaceholder("请输入 CA 锁密码").fill(pin);
  await loginButton(page, "CA 登录").click();
}

/** From /login: `holder`'s demo key (PIN 111111) signs in and lands on the identity the demo seed gives it. */
export async function signInWithDemoKey(page: Page, holder: string, identity: string) {
  await page.goto("/login");
  await caLogin(page, holder, PIN);
  await expect(page.getByTestId("current-identity")).toHaveText(identity);
}

/** 【CA 管理】 → one of its pages, from the menu (the submenu opens on the first click and stays open). */
export async function openCaManagement(page: Page, name: "CA 延期年检" | "更新数字证书") {
  const item = page.getByRole("menuitem", { name, exact: true });
  if (!(await item.isVisible())) await page.getByRole("menuitem", { name: "CA 管理" }).click();
  await item.click();
}
