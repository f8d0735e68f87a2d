import { randomBytes, randomUUID, X509Certificate } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CertificateProfile, importPublicKey, parseCsr } from "@lnca/pki";
import { makeTestCa, TEST_ORGANIZATION_PROFILE, TEST_PERSONAL_PROFILE } from "@lnca/pki/testing";
import * as graphene from "graphene-pk11";
import { afterAll, describe, expect, it } from "vitest";
import { createPkcs11Backend } from "./backend/pkcs11";
import { keyPairTemplates } from "./backend/pkcs11-objects";
import { keyUpdateLabel, keyUpdateObjectId, requestRenewal } from "./key-update";
import { describeKeyUpdate, type KeyUpdateKey } from "./testing/key-update-cases";
import { countPrivateKeys, createSoftHsmToken, withSoftHsmSession } from "./testing/softhsm";

const DAY_MS = 86_400_000;
const dir = await mkdtemp(join(tmpdir(), "lnca-kb-keyupdate-"));
const keys: (KeyUpdateKey & { profile: CertificateProfile })[] = [];
let modulePath = "";
for (const [label, pin, algorithm, profile] of [
  ["单位主锁", "123456", "EC-P256", TEST_ORGANIZATION_PROFILE],
  ["个人锁", "654321", "RSA-2048", TEST_PERSONAL_PROFILE],
  ["备用锁", "111111", "EC-P256", TEST_PERSONAL_PROFILE],
  ["中断锁", "222222", "EC-P256", TEST_PERSONAL_PROFILE],
] as const) {
  const token = await createSoftHsmToken({ dir, label, userPin: pin });
  // SoftHSM2 reads SOFTHSM2_CONF once, when the module is initialised: all tokens share this folder.
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
  modulePath = token.modulePath;
  keys.push({ keyId: token.serial, pin, algorithm, profile });
}
const stateDir = join(dir, "state");
// Held open for the whole file, so the module stays initialised while the apps' backends come and go.
const backend = createPkcs11Backend({ modulePath, stateDir });
const ca = await makeTestCa();
for (const key of keys) {
  const { publicKeySpkiDer } = await backend.generateKeyPair(key.keyId, key.pin, {
    algorithm: key.algorithm,
    id: "01",
  });
  const issued = await ca.issue({
    profile: key.profile,
    publicKey: await importPublicKey(publicKeySpkiDer, key.algorithm),
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + 30 * DAY_MS),
  });
  await backend.importCertificate(key.keyId, key.pin, {
    id: "01",
    certificateDer: Buffer.from(new X509Certificate(issued.certificatePem).raw),
    label: key.profile.holderName,
    chainPem: ca.chainPem,
  });
}
const privateKeyCount = async (keyId: string) =>
  countPrivateKeys(modulePath, keyId, keys.find((k) => k.keyId === keyId)?.pin ?? "");

describeKeyUpdate("pkcs11 on SoftHSM2", async () => ({
  ca,
  keys: keys.slice(0, 3),
  openBackend: () => createPkcs11Backend({ modulePath, stateDir }),
  privateKeyCount,
  cleanup: async () => {},
}));

describe("key update on a PKCS#11 token", () => {
  const key = keys[3]!;
  afterAll(async () => {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
  });

  const attributesOf = (keyUpdateId: string) =>
    withSoftHsmSession(modulePath, key.keyId, key.pin, (session) => {
      const id = Buffer.from(keyUpdateObjectId(keyUpdateId), "hex");
      const found = session.find({ class: graphene.ObjectClass.PRIVATE_KEY, id });
      return Array.from({ length: found.length }, (_, i) =>
        found.items(i).getAttribute({ token: null, sensitive: null, extractable: null, label: null }),
      );
    });

  it("makes the new private key on the token, sensitive and not extractable, labelled with its key update", async () => {
    const keyUpdateId = randomUUID();
    const nonce = randomBytes(32).toString("base64url");
    await requestRenewal(backend, key.keyId, { certId: "01", pin: key.pin, keyUpdateId, nonce });
    expect(attributesOf(keyUpdateId)).toEqual([
      { token: true, sensitive: true, extractable: false, label: keyUpdateLabel(keyUpdateId) },
    ]);
  });

  for (const left of ["PUBLIC_KEY", "PRIVATE_KEY"] as const) {
    it(`starts a generation cut short again (only the ${left === "PUBLIC_KEY" ? "public" : "private"} key made it)`, async () => {
      const keyUpdateId = randomUUID();
      const id = Buffer.from(keyUpdateObjectId(keyUpdateId), "hex");
      const before = await privateKeyCount(key.keyId);
      withSoftHsmSession(modulePath, key.keyId, key.pin, (session) => {
        const { mechanism, publicTemplate, privateTemplate } = keyPairTemplates("EC-P256", id);
        session.generateKeyPair(mechanism, publicTemplate, privateTemplate);
        const other = left === "PUBLIC_KEY" ? "PRIVATE_KEY" : "PUBLIC_KEY";
        session.destroy({ class: graphene.ObjectClass[other], id });
      });
      const renewal = await requestRenewal(backend, key.keyId, {
        certId: "01",
        pin: key.pin,
        keyUpdateId,
        nonce: randomBytes(32).toString("base64url"),
      });
      expect(renewal.generated).toBe(true);
      expect(parseCsr(renewal.csrPem).signatureValid).toBe(true);
      const objects = withSoftHsmSession(modulePath, key.keyId, key.pin, (session) => ({
        publicKeys: session.find({ class: graphene.ObjectClass.PUBLIC_KEY, id }).length,
        privateKeys: session.find({ class: graphene.ObjectClass.PRIVATE_KEY, id }).length,
      }));
      expect(objects).toEqual({ publicKeys: 1, privateKeys: 1 });
      // One new private key: a stray one left by the cut-short generation was deleted, not kept beside it.
      expect(await privateKeyCount(key.keyId)).toBe(before + 1);
    });
  }
});
