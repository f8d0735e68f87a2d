import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadOrCreateWechatPaySandboxKeys, SANDBOX_APP_ID, SANDBOX_MCH_ID } from "./wechat-keys";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("WeChat Pay sandbox keys", () => {
  it("are made once on first start, even by processes starting together, and read back after", async () => {
    root = mkdtempSync(path.join(tmpdir(), "lnca-wechat-keys-"));
    const dir = path.join(root, "sandbox", "wechat");
    const [a, b] = await Promise.all([loadOrCreateWechatPaySandboxKeys(dir), loadOrCreateWechatPaySandboxKeys(dir)]);
    expect(b).toEqual(a);
    expect(await loadOrCreateWechatPaySandboxKeys(dir)).toEqual(a);
    expect(readdirSync(path.join(root, "sandbox"))).toEqual(["wechat"]);
    expect(statSync(path.join(dir, "apiclient_key.pem")).mode & 0o077).toBe(0);

    expect(a).toMatchObject({ appId: SANDBOX_APP_ID, mchId: SANDBOX_MCH_ID });
    expect(a.apiV3Key).toHaveLength(32);
    expect(a.mchSerialNo).toMatch(/^[0-9A-F]{40}$/);
    expect(a.publicKeyId).toMatch(/^PUB_KEY_ID_\d+$/);
    const certificate = new X509Certificate(a.platformCertificatePem);
    expect(certificate.serialNumber.toUpperCase()).toBe(a.platformSerialNo);
    expect(certificate.checkPrivateKey(createPrivateKey(a.platformPrivateKeyPem))).toBe(true);
  });
});
