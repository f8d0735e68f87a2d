import { createPublicKey, randomBytes, randomUUID, verify, X509Certificate } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KeybridgeKey, KeybridgeRenewalResponse } from "@lnca/contracts";
import { exportPrivateKeyPem, importPublicKey } from "@lnca/pki";
import { createSoftTokenFile, readSoftTokenFile } from "@lnca/pki/softtoken";
import { issueTestCertificate, makeTestCa, TEST_PERSONAL_PROFILE } from "@lnca/pki/testing";
import { afterAll, describe, expect, it } from "vitest";
import type { KeyAlgorithm } from "./backend/backend";
import { createPkcs11Backend } from "./backend/pkcs11";
import { keyUpdateObjectId } from "./key-update";
import { testChallenge } from "./testing/certificates";
import { issueAsServer } from "./testing/key-update-cases";
import { countPrivateKeys, createSoftHsmToken, startKeybridgeProcess } from "./testing/softhsm";

const ORIGIN = "http://127.0.0.1:5173";
const DAY_MS = 86_400_000;

interface Setup {
  keyId: string;
  pin: string;
  algorithm: KeyAlgorithm;
  args: string[];
  env: Record<string, string>;
  privateKeyCount(): Promise<number>;
}

/**
 * The keybridge process killed (SIGKILL) after each step of a key update and started again: every step
 * resumes from what is on the key, the first call of a step that was already done answers the same.
 */
describe("key update across keybridge processes killed between the steps", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  const ca = makeTestCa();

  async function pkcs11Setup(dir: string): Promise<Setup> {
    const pin = "123456";
    const token = await createSoftHsmToken({ dir, label: "刘洋的 CA 锁", userPin: pin });
    process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
    const stateDir = join(dir, "state");
    const backend = createPkcs11Backend({ modulePath: token.modulePath, stateDir });
    const { publicKeySpkiDer } = await backend.generateKeyPair(token.serial, pin, { algorithm: "EC-P256", id: "01" });
    const issued = await (await ca).issue({
      profile: TEST_PERSONAL_PROFILE,
      publicKey: await importPublicKey(publicKeySpkiDer, "EC-P256"),
      notBefore: new Date(Date.now() - DAY_MS),
      notAfter: new Date(Date.now() + 20 * DAY_MS),
    });
    await backend.importCertificate(token.serial, pin, {
      id: "01",
      certificateDer: Buffer.from(new X509Certificate(issued.certificatePem).raw),
      label: "刘洋",
      chainPem: (await ca).chainPem,
    });
    // Closed before the keybridge processes open the same token folder.
    await backend.close();
    return {
      keyId: token.serial,
      pin,
      algorithm: "EC-P256",
      args: ["--backend", "pkcs11", "--module", token.modulePath, "--state-dir", stateDir],
      env: token.env,
      privateKeyCount: async () => countPrivateKeys(token.modulePath, token.serial, pin),
    };
  }

  async function softTokenSetup(dir: string): Promise<Setup> {
    const path = join(dir, "keys.softtoken.json");
    const issued = await issueTestCertificate({ ca: await ca, profile: TEST_PERSONAL_PROFILE, algorithm: "RSA-2048" });
    const privateKeyPkcs8Pem = await exportPrivateKeyPem(issued.keys.privateKey);
    await createSoftTokenFile(path, [
      {
        keyId: "LNCA-DEMO-0001",
        label: "刘洋的 CA 锁",
        pin: "111111",
        items: [{ certId: "01", certificatePem: issued.certificatePem, privateKeyPkcs8Pem }],
      },
    ]);
    return {
      keyId: "LNCA-DEMO-0001",
      pin: "111111",
      algorithm: "RSA-2048",
      args: ["--backend", "softtoken", "--file", path],
      env: {},
      privateKeyCount: async () => (await readSoftTokenFile(path)).keys[0]?.items.length ?? 0,
    };
  }

  for (const [name, setup] of [
    ["pkcs11 on SoftHSM2", pkcs11Setup],
    ["softtoken", softTokenSetup],
  ] as const) {
    it(`renews through four processes, each killed after its step (${name})`, async () => {
      const dir = await mkdtemp(join(tmpdir(), "lnca-kb-keyupdate-process-"));
      dirs.push(dir);
      const key = await setup(dir);
      const keyUpdateId = randomUUID();
      const nonce = randomBytes(32).toString("base64url");
      const base = `/v1/keys/${encodeURIComponent(key.keyId)}`;

      const renewalBody = { certId: "01", pin: key.pin, keyUpdateId, nonce };
      const retireBody = { pin: key.pin, oldCertId: "01" };
      const newCertId = keyUpdateObjectId(keyUpdateId);

      /** Starts a keybridge process, runs `step` against it and kills it. */
      async function inProcess<T>(step: (call: (path: string, body?: unknown) => Promise<unknown>) => Promise<T>) {
        const keybridge = await startKeybridgeProcess({
          args: key.args,
          env: { ...key.env, LNCA_KEYBRIDGE_ALLOWED_ORIGINS: ORIGIN },
        });
        const call = async (path: string, body?: unknown) => {
          const response = await fetch(`${keybridge.url}${path}`, {
            method: body === undefined ? "GET" : "POST",
            headers: { origin: ORIGIN, "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return response.json();
        };
        try {
          return await step(call);
        } finally {
          await keybridge.kill();
        }
      }

      const first = (await inProcess((call) => call(`${base}/key-updates`, renewalBody))) as KeybridgeRenewalResponse;
      expect(first.generated).toBe(true);

      const importBody = await inProcess(async (call) => {
        const renewal = (await call(`${base}/key-updates`, renewalBody)) as KeybridgeRenewalResponse;
        expect(renewal.generated).toBe(false);
        const issued = await issueAsServer(
          await ca,
          { keyUpdateId, nonce, algorithm: key.algorithm },
          renewal,
          renewal.certificatePem,
        );
        const body = { pin: key.pin, certificatePem: issued.certificatePem, chainPem: (await ca).chainPem };
        expect(await call(`${base}/key-updates/${keyUpdateId}/certificate`, body)).toEqual({ certId: newCertId });
        return body;
      });

      await inProcess(async (call) => {
        expect(await call(`${base}/key-updates/${keyUpdateId}/certificate`, importBody)).toEqual({ certId: newCertId });
        expect(await call(`${base}/key-updates/${keyUpdateId}/retire`, retireBody)).toEqual({ retired: true });
      });

      await inProcess(async (call) => {
        expect(await call(`${base}/key-updates/${keyUpdateId}/retire`, retireBody)).toEqual({ retired: false });
        const { keys } = (await call("/v1/keys")) as { keys: KeybridgeKey[] };
        expect(keys.map((k) => k.certificates.map((c) => c.certId))).toEqual([[newCertId]]);
        const challenge = testChallenge(ORIGIN);
        const signed = (await call(`${base}/sign-challenge`, { certId: newCertId, pin: key.pin, challenge })) as {
          signature: string;
        };
        const publicKey = createPublicKey(importBody.certificatePem);
        expect(verify("sha256", Buffer.from(challenge), publicKey, Buffer.from(signed.signature, "base64"))).toBe(true);
      });
      expect(await key.privateKeyCount()).toBe(1);
    });
  }
});
