import "reflect-metadata";
import { createPublicKey, sign, verify, webcrypto } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSoftTokenFile,
  readSoftTokenFile,
  SOFTTOKEN_MANUFACTURER,
  type SoftTokenError,
  unlockSoftTokenItem,
  withUnlockedSoftToken,
} from "./softtoken";

x509.cryptoProvider.set(globalThis.crypto);

async function selfSignedEc(commonName: string) {
  const algorithm = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    name: `CN=${commonName}, O=辽宁测试有限公司, C=CN`,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    keys,
    signingAlgorithm: algorithm,
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  const privateKeyPkcs8Pem = x509.PemConverter.encode(pkcs8, "PRIVATE KEY");
  return { certificatePem: certificate.toString("pem"), privateKeyPkcs8Pem };
}

describe("soft-token file", () => {
  let dir: string;
  let path: string;
  let first: Awaited<ReturnType<typeof selfSignedEc>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lnca-softtoken-"));
    path = join(dir, "keys.softtoken.json");
    first = await selfSignedEc("张三");
    const second = await selfSignedEc("李四");
    await createSoftTokenFile(path, [
      { keyId: "KEY-1", label: "张三的 CA 锁", pin: "111111", items: [{ certId: "c1", ...first, chainPem: ["x"] }] },
      { keyId: "KEY-2", label: "李四的 CA 锁", pin: "222222", items: [second] },
    ]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("stores each key with its metadata and no plaintext private key", async () => {
    const file = await readSoftTokenFile(path);
    expect(file.keys.map((k) => [k.keyId, k.manufacturer, k.maxPinTries, k.failedPinTries])).toEqual([
      ["KEY-1", SOFTTOKEN_MANUFACTURER, 6, 0],
      ["KEY-2", SOFTTOKEN_MANUFACTURER, 6, 0],
    ]);
    expect(file.keys[0]?.items[0]?.chainPem).toEqual(["x"]);
    // The default certId is the SHA-1 of the public key: 40 hex characters.
    expect(file.keys[1]?.items[0]?.certId).toMatch(/^[0-9a-f]{40}$/);
    const raw = await readFile(path, "utf8");
    expect(raw).not.toContain("PRIVATE KEY");
    expect(raw).not.toContain(first.privateKeyPkcs8Pem.split("\n")[1]);
  });

  it("unlocks an item with the right PIN and the key signs for the certificate", async () => {
    const unlocked = await unlockSoftTokenItem(path, "KEY-1", "c1", "111111");
    expect(unlocked.certificatePem.trim()).toBe(first.certificatePem.trim());
    const data = Buffer.from("hello");
    const signature = sign("sha256", data, unlocked.privateKey);
    expect(verify("sha256", data, createPublicKey(first.certificatePem), signature)).toBe(true);
  });

  it("counts wrong PINs in the file, resets on success and locks at the limit", async () => {
    const certId = (await readSoftTokenFile(path)).keys[1]?.items[0]?.certId ?? "";
    const attempt = (pin: string) =>
      unlockSoftTokenItem(path, "KEY-2", certId, pin).then(
        () => "ok",
        (error: SoftTokenError) => `${error.code}:${error.triesLeft}`,
      );
    expect(await attempt("000000")).toBe("PIN_INCORRECT:5");
    expect(await attempt("000000")).toBe("PIN_INCORRECT:4");
    expect((await readSoftTokenFile(path)).keys[1]?.failedPinTries).toBe(2);
    expect(await attempt("222222")).toBe("ok");
    expect((await readSoftTokenFile(path)).keys[1]?.failedPinTries).toBe(0);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt("999999"));
    expect(results).toEqual([
      "PIN_INCORRECT:5",
      "PIN_INCORRECT:4",
      "PIN_INCORRECT:3",
      "PIN_INCORRECT:2",
      "PIN_INCORRECT:1",
      "PIN_LOCKED:0",
    ]);
    expect(await attempt("222222")).toBe("PIN_LOCKED:0");
  });

  it("reports unknown keys and certificates", async () => {
    await expect(unlockSoftTokenItem(path, "NOPE", "c1", "111111")).rejects.toMatchObject({ code: "KEY_NOT_FOUND" });
    await expect(unlockSoftTokenItem(path, "KEY-1", "nope", "111111")).rejects.toMatchObject({
      code: "CERTIFICATE_NOT_FOUND",
    });
  });

  it("persists item changes made while unlocked, atomically", async () => {
    await withUnlockedSoftToken(path, "KEY-1", "111111", (token) => {
      const item = token.key.items[0];
      if (!item) throw new Error("missing item");
      token.key.items.push({
        ...item,
        certId: "c2",
        certificatePem: null,
        encryptedPrivateKey: item.encryptedPrivateKey,
      });
      token.markChanged();
    });
    const file = await readSoftTokenFile(path);
    expect(file.keys[0]?.items.map((i) => i.certId)).toEqual(["c1", "c2"]);
    // The copied box was sealed for "c1": the additional data binds it to its id, so it does not open as "c2".
    await expect(
      withUnlockedSoftToken(path, "KEY-1", "111111", (token) => token.decryptPrivateKey(token.key.items[1]!)),
    ).rejects.toThrow(/does not decrypt/);
  });

  it("rejects a file that is not a soft-token file", async () => {
    const other = join(dir, "other.json");
    await writeFile(other, '{"format":"x"}');
    await expect(readSoftTokenFile(other)).rejects.toThrow(/not a lnca-softtoken v1 file/);
  });

  it("refuses a certificate that does not match the private key", async () => {
    const a = await selfSignedEc("a");
    const b = await selfSignedEc("b");
    const items = [{ certificatePem: a.certificatePem, privateKeyPkcs8Pem: b.privateKeyPkcs8Pem }];
    await expect(
      createSoftTokenFile(join(dir, "bad.json"), [{ keyId: "K", label: "L", pin: "1234", items }]),
    ).rejects.toThrow(/mismatch/);
  });
});
