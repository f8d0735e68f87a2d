import { createPublicKey, verify } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCa, type TestCa, testChallenge } from "../testing/certificates";
import { describeKeybridgeHttp, type FixtureKey } from "../testing/http-cases";
import { createSoftHsmToken, type SoftHsmToken } from "../testing/softhsm";
import type { KeybridgeBackend } from "./backend";
import { createPkcs11Backend } from "./pkcs11";

/**
 * Provisioning as the key-update flow will do it: the key pair is generated ON the token, a CA (here a
 * throw-away software CA) issues a certificate for its public key, and the certificate is imported.
 */
async function provision(backend: KeybridgeBackend, ca: TestCa, key: FixtureKey, subject: string) {
  const { publicKeySpkiDer } = await backend.generateKeyPair(key.keyId, key.pin, {
    algorithm: key.algorithm,
    id: key.certId,
  });
  const issued = await ca.issue(publicKeySpkiDer, subject);
  await backend.importCertificate(key.keyId, key.pin, {
    id: key.certId,
    certificateDer: issued.certificateDer,
    label: subject,
    chainPem: [ca.certificatePem],
  });
  return issued;
}

// One token folder per test file; SoftHSM2 reads SOFTHSM2_CONF once, when the module is initialised.
const dir = await mkdtemp(join(tmpdir(), "lnca-kb-pkcs11-"));
const tokens: SoftHsmToken[] = [];
for (const [label, pin] of [
  ["单位主锁", "123456"],
  ["个人锁", "654321"],
  ["备用锁", "111111"],
] as const) {
  tokens.push(await createSoftHsmToken({ dir, label, userPin: pin }));
}
process.env.SOFTHSM2_CONF = tokens[0]?.env.SOFTHSM2_CONF;
const backend = createPkcs11Backend({ modulePath: tokens[0]!.modulePath, stateDir: join(dir, "state") });
const ca = await createTestCa();
const keys: FixtureKey[] = [
  { keyId: tokens[0]!.serial, certId: "0a01", pin: "123456", algorithm: "EC-P256" },
  { keyId: tokens[1]!.serial, certId: "0b01", pin: "654321", algorithm: "RSA-2048" },
];
await provision(backend, ca, keys[0]!, "CN=沈阳测试建设有限公司, O=沈阳测试建设有限公司, C=CN");
await provision(backend, ca, keys[1]!, "CN=张三, C=CN");

// The HTTP suite gets its own backend (the app closes it); both share the one loaded module.
describeKeybridgeHttp("pkcs11 on SoftHSM2", async () => ({
  backend: createPkcs11Backend({ modulePath: tokens[0]!.modulePath, stateDir: join(dir, "state") }),
  keys,
  cleanup: async () => {},
}));

describe("pkcs11 backend on SoftHSM2", () => {
  const spare: FixtureKey = { keyId: tokens[2]!.serial, certId: "0c01", pin: "111111", algorithm: "EC-P256" };
  afterAll(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    await provision(backend, ca, spare, "CN=李四, C=CN");
  });

  it("lists the token's serial, label and maker, and keeps CA certificates out of the login list", async () => {
    const key = (await backend.listKeys()).find((k) => k.keyId === spare.keyId);
    expect(key).toMatchObject({ label: "备用锁", manufacturer: "SoftHSM project", model: "SoftHSM v2" });
    expect(key?.certificates.map((c) => [c.certId, c.commonName, c.keyAlgorithm])).toEqual([
      ["0c01", "李四", "EC-P256"],
    ]);
  });

  it("signs a challenge on the token; the ECDSA signature is DER and verifies", async () => {
    const challenge = testChallenge("http://127.0.0.1:5173");
    const signed = await backend.signChallenge(spare.keyId, spare.certId, spare.pin, challenge);
    expect(signed.signature[0]).toBe(0x30);
    expect(verify("sha256", Buffer.from(challenge), createPublicKey(signed.certificatePem), signed.signature)).toBe(
      true,
    );
  });

  it("refuses plain text even when called directly, below the HTTP checks", async () => {
    await expect(backend.signChallenge(spare.keyId, spare.certId, spare.pin, "any bytes")).rejects.toMatchObject({
      code: "CHALLENGE_INVALID",
    });
  });

  it("keeps its own wrong-PIN counter in the state folder, since SoftHSM2 never locks", async () => {
    await expect(
      backend.signChallenge(spare.keyId, spare.certId, "000000", testChallenge("http://a.example")),
    ).rejects.toMatchObject({
      code: "PIN_INCORRECT",
      triesLeft: 5,
    });
    const counters = JSON.parse(await readFile(join(dir, "state", "pin-failures.json"), "utf8"));
    expect(counters[spare.keyId]).toBe(1);
    await backend.signChallenge(spare.keyId, spare.certId, spare.pin, testChallenge("http://a.example"));
    expect((await backend.listKeys()).find((k) => k.keyId === spare.keyId)?.pinTriesLeft).toBe(6);
  });

  it("refuses a certificate for another key and deletes objects by id", async () => {
    await backend.generateKeyPair(spare.keyId, spare.pin, { algorithm: "EC-P256", id: "0c02" });
    const foreign = await ca.issue(
      (await backend.generateKeyPair(spare.keyId, spare.pin, { algorithm: "EC-P256", id: "0c03" })).publicKeySpkiDer,
      "CN=x",
    );
    await expect(
      backend.importCertificate(spare.keyId, spare.pin, {
        id: "0c02",
        certificateDer: foreign.certificateDer,
        label: "x",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      backend.generateKeyPair(spare.keyId, spare.pin, { algorithm: "EC-P256", id: "0c02" }),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    await backend.deleteObjects(spare.keyId, spare.pin, "0c01");
    await backend.deleteObjects(spare.keyId, spare.pin, "0c02");
    await backend.deleteObjects(spare.keyId, spare.pin, "0c03");
    // With the id free again a new key pair can take it.
    await backend.generateKeyPair(spare.keyId, spare.pin, { algorithm: "EC-P256", id: "0c02" });
    expect((await backend.listKeys()).find((k) => k.keyId === spare.keyId)?.certificates).toEqual([]);
  });
});
