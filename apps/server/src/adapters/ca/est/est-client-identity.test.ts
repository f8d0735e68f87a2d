import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportPrivateKeyPem } from "@lnca/pki";
import { issueTestCertificate, makeTestCa } from "@lnca/pki/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createEstClientIdentity, readEstClientIdentity } from "./est-client-identity";

const dir = mkdtempSync(path.join(tmpdir(), "lnca-est-identity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ca = await makeTestCa();
async function makeIdentity() {
  const issued = await issueTestCertificate({ ca });
  return { certificatePem: issued.certificatePem, keyPem: await exportPrivateKeyPem(issued.keys.privateKey) };
}

describe("the platform's EST client identity files", () => {
  it("of two processes creating it at once, one writes, and key and certificate belong together", async () => {
    const written = await Promise.all([
      createEstClientIdentity(dir, "CFCA", makeIdentity),
      createEstClientIdentity(dir, "CFCA", makeIdentity),
    ]);
    expect(written.filter(Boolean)).toHaveLength(1);
    const identity = await readEstClientIdentity(dir, "CFCA");
    const certificateKey = new X509Certificate(identity.certificatePem).publicKey.export({
      type: "spki",
      format: "der",
    });
    const key = createPublicKey(createPrivateKey(identity.keyPem)).export({ type: "spki", format: "der" });
    expect(Buffer.compare(certificateKey, key)).toBe(0);
    expect(statSync(path.join(dir, "CFCA.key")).mode & 0o077).toBe(0);
    expect(await createEstClientIdentity(dir, "CFCA", makeIdentity)).toBe(false);
  });

  it("names a missing identity, and refuses a vendor code that is not a file name", async () => {
    await expect(readEstClientIdentity(dir, "NONE")).rejects.toMatchObject({ code: "CA_ADAPTER_UNAVAILABLE" });
    await expect(readEstClientIdentity(dir, "../etc/passwd")).rejects.toMatchObject({ code: "CA_ADAPTER_UNAVAILABLE" });
  });
});
