import { X509Certificate } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CertificateProfile, importPublicKey } from "@lnca/pki";
import { makeTestCa, TEST_ORGANIZATION_PROFILE, TEST_PERSONAL_PROFILE } from "@lnca/pki/testing";
import { createPkcs11Backend } from "./backend/pkcs11";
import { describeKeyUpdate, type KeyUpdateKey } from "./testing/key-update-cases";
import { countPrivateKeys, createSoftHsmToken } from "./testing/softhsm";

describeKeyUpdate("pkcs11 on SoftHSM2", async () => {
  const dir = await mkdtemp(join(tmpdir(), "lnca-kb-keyupdate-"));
  const keys: (KeyUpdateKey & { profile: CertificateProfile })[] = [];
  let modulePath = "";
  for (const [label, pin, algorithm, profile] of [
    ["单位主锁", "123456", "EC-P256", TEST_ORGANIZATION_PROFILE],
    ["个人锁", "654321", "RSA-2048", TEST_PERSONAL_PROFILE],
    ["备用锁", "111111", "EC-P256", TEST_PERSONAL_PROFILE],
  ] as const) {
    const token = await createSoftHsmToken({ dir, label, userPin: pin });
    // SoftHSM2 reads SOFTHSM2_CONF once, when the module is initialised: all tokens share this folder.
    process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
    modulePath = token.modulePath;
    keys.push({ keyId: token.serial, pin, algorithm, profile });
  }
  const stateDir = join(dir, "state");
  // Held open for the whole file, so the module stays initialised while the apps' backends come and go.
  const provisioning = createPkcs11Backend({ modulePath, stateDir });
  const ca = await makeTestCa();
  const now = Date.now();
  for (const key of keys) {
    const { publicKeySpkiDer } = await provisioning.generateKeyPair(key.keyId, key.pin, {
      algorithm: key.algorithm,
      id: "01",
    });
    const issued = await ca.issue({
      profile: key.profile,
      publicKey: await importPublicKey(publicKeySpkiDer, key.algorithm),
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 30 * 86_400_000),
    });
    await provisioning.importCertificate(key.keyId, key.pin, {
      id: "01",
      certificateDer: Buffer.from(new X509Certificate(issued.certificatePem).raw),
      label: key.profile.holderName,
      chainPem: ca.chainPem,
    });
  }
  return {
    ca,
    keys,
    openBackend: () => createPkcs11Backend({ modulePath, stateDir }),
    privateKeyCount: async (keyId) =>
      countPrivateKeys(modulePath, keyId, keys.find((k) => k.keyId === keyId)?.pin ?? ""),
    cleanup: async () => {
      await provisioning.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
