import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), "lnca-config-"));

describe("Alipay configuration", () => {
  it("defaults to the sandbox: the demo merchant on the in-server gateway, keys under data/sandbox/alipay", () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir, PUBLIC_ORIGIN: "https://ca.example.cn/" });

    expect(config.payments.provider).toBe("sandbox");
    expect(config.payments.alipay).toEqual({
      appId: "2021000000000001",
      sellerId: "2088000000000001",
      gateway: "https://ca.example.cn/sandbox/alipay/gateway.do",
      keys: { kind: "sandbox", dir: path.join(dir, "sandbox", "alipay") },
    });
  });

  it("uses the merchant's settings and key files when PAYMENT_PROVIDER=merchant", () => {
    const dir = dataDir();
    const appKey = path.join(dir, "app_private_key.pem");
    const alipayKey = path.join(dir, "alipay_public_key.pem");
    writeFileSync(appKey, "app");
    writeFileSync(alipayKey, "alipay");

    const config = loadConfig({
      DATA_DIR: dir,
      PAYMENT_PROVIDER: "merchant",
      ALIPAY_APP_ID: "2021004100000000",
      ALIPAY_SELLER_ID: "2088410000000000",
      ALIPAY_APP_PRIVATE_KEY_FILE: appKey,
      ALIPAY_PUBLIC_KEY_FILE: alipayKey,
    });

    expect(config.payments.alipay).toEqual({
      appId: "2021004100000000",
      sellerId: "2088410000000000",
      gateway: "https://openapi.alipay.com/gateway.do",
      keys: { kind: "files", appPrivateKeyFile: appKey, alipayPublicKeyFile: alipayKey },
    });
  });

  it("names, in Chinese, every missing merchant setting and every key file that does not exist", () => {
    const dir = dataDir();
    const load = () =>
      loadConfig({
        DATA_DIR: dir,
        PAYMENT_PROVIDER: "merchant",
        ALIPAY_APP_ID: "2021004100000000",
        ALIPAY_APP_PRIVATE_KEY_FILE: path.join(dir, "missing.pem"),
      });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      [
        "ALIPAY_SELLER_ID: 使用支付宝商户（PAYMENT_PROVIDER=merchant）时必须设置",
        `ALIPAY_APP_PRIVATE_KEY_FILE: 文件不存在（${path.join(dir, "missing.pem")}）`,
        "ALIPAY_PUBLIC_KEY_FILE: 使用支付宝商户（PAYMENT_PROVIDER=merchant）时必须设置",
      ].join("\n  "),
    );
  });

  it("refuses a gateway that is not an http(s) address", () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ALIPAY_GATEWAY: "openapi.alipay.com" })).toThrow("ALIPAY_GATEWAY");
  });
});
