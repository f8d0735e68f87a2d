import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), "lnca-config-wechat-"));

function keyFiles() {
  const dir = dataDir();
  const file = (name: string) => {
    const full = path.join(dir, name);
    writeFileSync(full, "-----BEGIN TEST-----\n");
    return full;
  };
  return { privateKey: file("apiclient_key.pem"), publicKey: file("pub_key.pem"), cert: file("wechatpay_cert.pem") };
}

const merchant = (files: ReturnType<typeof keyFiles>) => ({
  PAYMENT_PROVIDER: "merchant",
  WECHATPAY_APP_ID: "wx8888888888888888",
  WECHATPAY_MCH_ID: "1230000109",
  WECHATPAY_MCH_SERIAL_NO: "3775B6A45ACD588826D15E583A95F5DD********",
  WECHATPAY_MCH_PRIVATE_KEY_FILE: files.privateKey,
  WECHATPAY_API_V3_KEY: "0123456789abcdefghijABCDEFGHIJ01",
});

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return expect.unreachable("the configuration should have been refused");
}

describe("WeChat Pay configuration", () => {
  it("uses the in-server sandbox, public-key mode, by default", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), PUBLIC_ORIGIN: "https://ca.example.cn" });
    expect(config.payments.provider).toBe("sandbox");
    expect(config.payments.wechat).toEqual({
      kind: "sandbox",
      keyMode: "public_key",
      dir: path.join(config.dataDir, "sandbox", "wechat"),
      baseUrl: "https://ca.example.cn/sandbox/wechatpay",
      notifyUrl: "https://ca.example.cn/api/v1/payments/wechat/notify",
    });
  });

  it("reads a real merchant with the WeChat Pay public key, the platform certificates, or both", () => {
    const files = keyFiles();
    const config = loadConfig({
      DATA_DIR: dataDir(),
      ...merchant(files),
      WECHATPAY_PUBLIC_KEY_ID: "PUB_KEY_ID_0112300001092026052000000000000000",
      WECHATPAY_PUBLIC_KEY_FILE: files.publicKey,
      WECHATPAY_PLATFORM_CERT_FILES: files.cert,
    });
    expect(config.payments.wechat).toMatchObject({
      kind: "merchant",
      appId: "wx8888888888888888",
      mchId: "1230000109",
      mchPrivateKeyFile: files.privateKey,
      publicKey: { id: "PUB_KEY_ID_0112300001092026052000000000000000", file: files.publicKey },
      platformCertificateFiles: [files.cert],
      baseUrl: "https://api.mch.weixin.qq.com",
    });
  });

  it("names, in Chinese, every merchant setting that is missing", () => {
    const found = problems({ PAYMENT_PROVIDER: "merchant", WECHATPAY_APP_ID: "wx8888888888888888" });
    for (const name of [
      "WECHATPAY_MCH_ID",
      "WECHATPAY_MCH_SERIAL_NO",
      "WECHATPAY_MCH_PRIVATE_KEY_FILE",
      "WECHATPAY_API_V3_KEY",
      "WECHATPAY_PLATFORM_CERT_FILES",
    ]) {
      expect(found.some((problem) => problem.includes(name))).toBe(true);
    }
    expect(found.some((problem) => problem.startsWith("WECHATPAY_APP_ID"))).toBe(false);
  });

  it("refuses a public key id without PUB_KEY_ID_, half a public key, a short APIv3 key and a missing file", () => {
    const files = keyFiles();
    expect(
      problems({
        ...merchant(files),
        WECHATPAY_PUBLIC_KEY_ID: "0112300001",
        WECHATPAY_PUBLIC_KEY_FILE: files.publicKey,
      }),
    ).toEqual(["WECHATPAY_PUBLIC_KEY_ID: 微信支付公钥 ID 应以 PUB_KEY_ID_ 开头"]);
    expect(problems({ ...merchant(files), WECHATPAY_PUBLIC_KEY_FILE: files.publicKey })[0]).toContain("须同时设置");
    expect(
      problems({ ...merchant(files), WECHATPAY_PLATFORM_CERT_FILES: files.cert, WECHATPAY_API_V3_KEY: "short" }),
    ).toEqual(["WECHATPAY_API_V3_KEY: APIv3 密钥应为 32 个字符"]);
    const missing = path.join(dataDir(), "missing.pem");
    expect(problems({ ...merchant(files), WECHATPAY_PLATFORM_CERT_FILES: missing })).toEqual([
      `${missing}: 微信支付密钥文件不存在`,
    ]);
  });
});
