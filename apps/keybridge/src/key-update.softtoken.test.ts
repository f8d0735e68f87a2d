import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportPrivateKeyPem } from "@lnca/pki";
import { createSoftTokenFile, readSoftTokenFile } from "@lnca/pki/softtoken";
import { issueTestCertificate, makeTestCa, TEST_ORGANIZATION_PROFILE, TEST_PERSONAL_PROFILE } from "@lnca/pki/testing";
import { createSoftTokenBackend } from "./backend/softtoken";
import { describeKeyUpdate, type KeyUpdateKey } from "./testing/key-update-cases";

describeKeyUpdate("softtoken", async () => {
  const dir = await mkdtemp(join(tmpdir(), "lnca-kb-keyupdate-"));
  const path = join(dir, "keys.softtoken.json");
  const ca = await makeTestCa();
  const keys: KeyUpdateKey[] = [
    { keyId: "LNCA-KU-0001", pin: "111111", algorithm: "EC-P256" },
    { keyId: "LNCA-KU-0002", pin: "222222", algorithm: "RSA-2048" },
    { keyId: "LNCA-KU-0003", pin: "333333", algorithm: "EC-P256" },
  ];
  const profiles = [TEST_ORGANIZATION_PROFILE, TEST_PERSONAL_PROFILE, TEST_PERSONAL_PROFILE];
  const inputs = await Promise.all(
    keys.map(async (key, i) => {
      const issued = await issueTestCertificate({ ca, profile: profiles[i], algorithm: key.algorithm });
      const privateKeyPkcs8Pem = await exportPrivateKeyPem(issued.keys.privateKey);
      return {
        keyId: key.keyId,
        label: `测试锁 ${i + 1}`,
        pin: key.pin,
        items: [{ certificatePem: issued.certificatePem, privateKeyPkcs8Pem, chainPem: [ca.issuingCertificatePem] }],
      };
    }),
  );
  await createSoftTokenFile(path, inputs);
  return {
    ca,
    keys,
    openBackend: () => createSoftTokenBackend(path),
    privateKeyCount: async (keyId) =>
      (await readSoftTokenFile(path)).keys.find((k) => k.keyId === keyId)?.items.length ?? 0,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
