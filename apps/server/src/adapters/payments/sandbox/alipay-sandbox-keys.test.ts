import { createSign, createVerify } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureAlipaySandboxKeys } from "./alipay-sandbox-keys";

describe("the Alipay sandbox keys", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "lnca-alipay-keys-"));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("are made on first start as two matching PKCS8 pairs, private files readable by the owner only, then reused", () => {
    const dir = path.join(dataDir, "sandbox", "alipay");
    const first = ensureAlipaySandboxKeys(dir);
    const second = ensureAlipaySandboxKeys(dir);

    expect(second).toEqual(first);
    expect(readdirSync(dir).sort()).toEqual([
      "alipay_private_key.pem",
      "alipay_public_key.pem",
      "app_private_key.pem",
      "app_public_key.pem",
    ]);
    expect(readdirSync(path.dirname(dir))).toEqual(["alipay"]);
    expect(statSync(path.join(dir, "app_private_key.pem")).mode & 0o077).toBe(0);
    expect(first.appPrivateKeyPem).toContain("BEGIN PRIVATE KEY");
    const signed = (key: string) => createSign("RSA-SHA256").update("x").sign(key, "base64");
    expect(
      createVerify("RSA-SHA256").update("x").verify(first.appPublicKeyPem, signed(first.appPrivateKeyPem), "base64"),
    ).toBe(true);
    expect(
      createVerify("RSA-SHA256")
        .update("x")
        .verify(first.alipayPublicKeyPem, signed(first.alipayPrivateKeyPem), "base64"),
    ).toBe(true);
    expect(first.alipayPublicKeyPem).not.toEqual(first.appPublicKeyPem);
  });
});
