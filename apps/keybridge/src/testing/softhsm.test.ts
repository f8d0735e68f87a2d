import { createPublicKey, verify } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPkcs11Backend } from "../backend/pkcs11";
import { createTestCa, testChallenge } from "./certificates";
import { createSoftHsmToken, startKeybridgeProcess } from "./softhsm";

const ORIGIN = "http://127.0.0.1:5173";

describe("SoftHSM2 token + keybridge process (the e2e set-up)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("provisions a token, starts the keybridge on a free port, lists and signs over HTTP", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lnca-kb-process-"));
    dirs.push(dir);
    const token = await createSoftHsmToken({ dir, label: "沈阳测试建设有限公司", userPin: "123456" });
    expect(token.serial).toMatch(/^[0-9a-f]{16}$/);

    // Provision in this process, then let the keybridge process open the same token folder.
    process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
    const backend = createPkcs11Backend({ modulePath: token.modulePath, stateDir: join(dir, "state") });
    const { publicKeySpkiDer } = await backend.generateKeyPair(token.serial, "123456", {
      algorithm: "EC-P256",
      id: "01",
    });
    const ca = await createTestCa();
    const issued = await ca.issue(publicKeySpkiDer, "CN=沈阳测试建设有限公司, C=CN");
    await backend.importCertificate(token.serial, "123456", {
      id: "01",
      certificateDer: issued.certificateDer,
      label: "登录证书",
    });
    await backend.close();

    const keybridge = await startKeybridgeProcess({
      args: ["--backend", "pkcs11", "--module", token.modulePath, "--state-dir", join(dir, "state")],
      env: { ...token.env, LNCA_KEYBRIDGE_ALLOWED_ORIGINS: ORIGIN, LNCA_KEYBRIDGE_LOG_LEVEL: "trace" },
    });
    try {
      expect(keybridge.url).toBe(`http://127.0.0.1:${keybridge.port}`);
      const listed = await fetch(`${keybridge.url}/v1/keys`, { headers: { origin: ORIGIN } });
      const { keys } = (await listed.json()) as { keys: { keyId: string; certificates: { commonName: string }[] }[] };
      expect(keys.map((k) => [k.keyId, k.certificates.map((c) => c.commonName)])).toEqual([
        [token.serial, ["沈阳测试建设有限公司"]],
      ]);
      const challenge = testChallenge(ORIGIN);
      const signed = await fetch(`${keybridge.url}/v1/keys/${token.serial}/sign-challenge`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({ certId: "01", pin: "123456", challenge }),
      });
      const body = (await signed.json()) as { signature: string };
      const ok = verify(
        "sha256",
        Buffer.from(challenge),
        createPublicKey(issued.certificatePem),
        Buffer.from(body.signature, "base64"),
      );
      expect(ok).toBe(true);
      expect(keybridge.output()).not.toContain("123456");
    } finally {
      await keybridge.stop();
    }
  });

  it("starts a softtoken keybridge before its file exists and reports no key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lnca-kb-process-"));
    dirs.push(dir);
    const keybridge = await startKeybridgeProcess({
      args: ["--backend", "softtoken", "--file", join(dir, "later.softtoken.json"), "--allowed-origin", ORIGIN],
    });
    try {
      const response = await fetch(`${keybridge.url}/v1/keys`, { headers: { origin: ORIGIN } });
      expect(await response.json()).toEqual({ keys: [] });
    } finally {
      await keybridge.stop();
    }
  });
});
