import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSoftTokenFile } from "@lnca/pki/softtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCa, softwareKeyPair } from "../testing/certificates";
import { describeKeybridgeHttp } from "../testing/http-cases";
import { createSoftTokenBackend } from "./softtoken";

async function softTokenFixture(dir: string) {
  const ca = await createTestCa();
  const ec = await softwareKeyPair("EC-P256");
  const rsa = await softwareKeyPair("RSA-2048");
  const ecCert = await ca.issue(ec.spkiDer, "CN=沈阳测试建设有限公司, O=沈阳测试建设有限公司, C=CN");
  const rsaCert = await ca.issue(rsa.spkiDer, "CN=张三, C=CN");
  const path = join(dir, "keys.softtoken.json");
  await createSoftTokenFile(path, [
    {
      keyId: "LNCA-TEST-0001",
      label: "单位主锁",
      pin: "111111",
      items: [{ certId: "01", certificatePem: ecCert.certificatePem, privateKeyPkcs8Pem: ec.privateKeyPkcs8Pem }],
    },
    {
      keyId: "LNCA-TEST-0002",
      label: "个人锁",
      pin: "222222",
      items: [{ certId: "02", certificatePem: rsaCert.certificatePem, privateKeyPkcs8Pem: rsa.privateKeyPkcs8Pem }],
    },
  ]);
  return { path, ca };
}

describeKeybridgeHttp("softtoken", async () => {
  const dir = await mkdtemp(join(tmpdir(), "lnca-kb-softtoken-"));
  const { path } = await softTokenFixture(dir);
  return {
    backend: createSoftTokenBackend(path),
    keys: [
      { keyId: "LNCA-TEST-0001", certId: "01", pin: "111111", algorithm: "EC-P256" },
      { keyId: "LNCA-TEST-0002", certId: "02", pin: "222222", algorithm: "RSA-2048" },
    ],
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe("softtoken backend", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lnca-kb-softtoken-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("shows no key while the file is missing and the keys once it is written", async () => {
    const backend = createSoftTokenBackend(join(dir, "later", "keys.softtoken.json"));
    expect(await backend.listKeys()).toEqual([]);
    await mkdir(join(dir, "later"));
    await softTokenFixture(join(dir, "later"));
    expect((await backend.listKeys()).map((k) => k.keyId)).toEqual(["LNCA-TEST-0001", "LNCA-TEST-0002"]);
  });

  it("generates a key pair on the key, imports its certificate and deletes it again", async () => {
    const { path, ca } = await softTokenFixture(dir);
    const backend = createSoftTokenBackend(path);
    const { publicKeySpkiDer } = await backend.generateKeyPair("LNCA-TEST-0001", "111111", {
      algorithm: "EC-P256",
      id: "a1",
    });
    // A key without its certificate is not offered for login yet.
    expect((await backend.listKeys())[0]?.certificates.map((c) => c.certId)).toEqual(["01"]);
    const issued = await ca.issue(publicKeySpkiDer, "CN=沈阳测试建设有限公司, C=CN");
    const other = await ca.issue((await softwareKeyPair("EC-P256")).spkiDer, "CN=别人, C=CN");
    await expect(
      backend.importCertificate("LNCA-TEST-0001", "111111", {
        id: "a1",
        certificateDer: other.certificateDer,
        label: "x",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await backend.importCertificate("LNCA-TEST-0001", "111111", {
      id: "a1",
      certificateDer: issued.certificateDer,
      label: "新证书",
    });
    expect((await backend.listKeys())[0]?.certificates.map((c) => c.certId)).toEqual(["01", "a1"]);
    await backend.deleteObjects("LNCA-TEST-0001", "111111", "01");
    expect((await backend.listKeys())[0]?.certificates.map((c) => c.certId)).toEqual(["a1"]);
    await expect(backend.deleteObjects("LNCA-TEST-0001", "999999", "a1")).rejects.toMatchObject({
      code: "PIN_INCORRECT",
      triesLeft: 5,
    });
  });
});
