/**
 * The browser tests' fixtures: the run's environment (from the global setup), the real keybridge on the
 * SoftHSM2 tokens (started in the worker so a test can stop and start it, like a user quitting the program,
 * or start the demo keybridge on the demo soft-token file instead — every test starts with the SoftHSM2 one),
 * and an SMS inbox that reads verification codes the way a tester does — in the operator console's
 * 短信发件箱, in a browser context of its own logged in as the operator.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { type KeybridgeProcess, startKeybridgeProcess } from "../../apps/keybridge/src/testing/softhsm";
import { expectAccessible } from "./accessibility";
import { type E2eState, readState } from "./state";

export { expect };

/**
 * What the keybridge serves: the SoftHSM2 tokens inserted in this PC, the demo seed's soft-token file, or
 * 刘洋's SoftHSM2 token alone (J6).
 */
export type InsertedKeys = "softhsm" | "demo" | "liuyang";

export interface KeybridgeControl {
  readonly running: boolean;
  /** Quits the keybridge, as a user closing the program. */
  stop(): Promise<void>;
  /**
   * Starts it again on the same port (the one the platform's public config names), serving `keys`; when it
   * runs with other keys it is quit first. After each test the SoftHSM2 one runs again.
   */
  start(keys?: InsertedKeys): Promise<void>;
}

export interface SmsInbox {
  /** The six-digit code of the latest SMS to `mobile`, as the 短信发件箱 page shows it. */
  codeFor(mobile: string): Promise<string>;
}

export const OPERATOR = { username: "operator", password: "Lnca@2026", displayName: "演示运营" } as const;

export async function consoleLogin(page: Page, user: { username: string; password: string } = OPERATOR) {
  await page.goto("/console/login");
  await page.getByLabel("用户名", { exact: true }).fill(user.username);
  await page.getByLabel("密码", { exact: true }).fill(user.password);
  // Not an exact name: after a quick failure antd may leave its loading icon in the button (「loading 登录」).
  await page.getByRole("button", { name: "登录" }).click();
}

const resultsDir = path.resolve(import.meta.dirname, "../test-results");

export const test = base.extend<
  { restoreKeybridge: undefined },
  { env: E2eState; keybridge: KeybridgeControl; sms: SmsInbox }
>({
  env: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      await use(readState());
    },
    { scope: "worker" },
  ],

  keybridge: [
    async ({ env }, use, workerInfo) => {
      let current: { keys: InsertedKeys; process: KeybridgeProcess } | null = null;
      let log = "";
      const control: KeybridgeControl = {
        get running() {
          return current !== null;
        },
        async start(keys = "softhsm") {
          if (current?.keys === keys) return;
          await control.stop();
          current = { keys, process: await startKeybridge(env, keys) };
        },
        async stop() {
          if (!current) return;
          const stopping = current.process;
          current = null;
          await stopping.stop();
          log += stopping.output();
        },
      };
      await control.start();
      await use(control);
      await control.stop();
      await mkdir(resultsDir, { recursive: true });
      await writeFile(path.join(resultsDir, `keybridge-worker${workerInfo.workerIndex}.log`), log);
    },
    { scope: "worker", auto: true },
  ],

  restoreKeybridge: [
    async ({ keybridge }, use) => {
      await use(undefined);
      await keybridge.start("softhsm");
    },
    { auto: true },
  ],

  sms: [
    async ({ browser, env }, use) => {
      let context: BrowserContext | null = null;
      let page: Page | null = null;
      let outboxChecked = false;
      const consolePage = async () => {
        if (page) return page;
        context = await browser.newContext({ baseURL: env.baseUrl, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
        page = await context.newPage();
        await consoleLogin(page);
        await expect(page.getByTestId("console-staff")).toContainText(OPERATOR.displayName);
        return page;
      };
      await use({
        async codeFor(mobile) {
          const outbox = await consolePage();
          await outbox.goto("/console/sms-outbox");
          const row = outbox.getByTestId("sms-outbox-table").getByRole("row").filter({ hasText: mobile }).first();
          await expect(row).toContainText("验证码");
          const code = /验证码为\s*(\d{6})/.exec((await row.textContent()) ?? "")?.[1];
          if (!code) throw new Error(`no verification code for ${mobile} in the SMS outbox`);
          // The browser tests open the 短信发件箱 with messages in it only here; once per worker is enough.
          if (!outboxChecked) await expectAccessible(outbox, "短信发件箱 with messages");
          outboxChecked = true;
          return code;
        },
      });
      await (context as BrowserContext | null)?.close();
    },
    { scope: "worker" },
  ],

  baseURL: async ({ env }, use) => {
    await use(env.baseUrl);
  },
});

/** Starts the keybridge on its fixed port; a keybridge that is still shutting down may hold it a moment. */
async function startKeybridge(env: E2eState, keys: InsertedKeys): Promise<KeybridgeProcess> {
  const { args, env: processEnv } = {
    softhsm: env.keybridge,
    demo: { args: env.keybridge.demoArgs, env: env.keybridge.env },
    liuyang: env.keybridge.liuYang,
  }[keys];
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await startKeybridgeProcess({
        args: [...args, "--port", String(env.keybridge.port)],
        env: processEnv,
      });
    } catch (error) {
      if (!String(error).includes("EADDRINUSE") || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
