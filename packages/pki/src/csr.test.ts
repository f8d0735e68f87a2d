import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCsrWithSigner, parseCsr } from "./csr";
import { x509 } from "./provider";
import { buildSubject } from "./subject";
import { TEST_PERSONAL_PROFILE } from "./testing";

describe("createCsrWithSigner (a key that only signs)", () => {
  const subjectDer = new Uint8Array(buildSubject(TEST_PERSONAL_PROFILE).toArrayBuffer());

  for (const algorithm of ["EC-P256", "RSA-2048"] as const) {
    it(`builds a ${algorithm} request with the subject byte for byte, verified by its own key`, async () => {
      const pair =
        algorithm === "EC-P256"
          ? generateKeyPairSync("ec", { namedCurve: "P-256" })
          : generateKeyPairSync("rsa", { modulusLength: 2048 });
      const signed: Uint8Array[] = [];
      const pem = await createCsrWithSigner({
        subjectDer,
        publicKeySpkiDer: pair.publicKey.export({ type: "spki", format: "der" }),
        sign: (data) => {
          signed.push(data);
          return sign("sha256", data, pair.privateKey);
        },
      });
      const parsed = parseCsr(pem);
      expect(parsed.signatureValid).toBe(true);
      expect(parsed.keyAlgorithm).toBe(algorithm);
      expect(Buffer.from(parsed.subjectName.toArrayBuffer())).toEqual(Buffer.from(subjectDer));
      expect(signed).toHaveLength(1);
      // @peculiar/x509 reads it too, and agrees on the signature.
      expect(await new x509.Pkcs10CertificateRequest(pem).verify()).toBe(true);
    });
  }

  it("refuses to hand out a request signed by another key", async () => {
    const requesting = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    await expect(
      createCsrWithSigner({
        subjectDer,
        publicKeySpkiDer: requesting.publicKey.export({ type: "spki", format: "der" }),
        sign: (data) => sign("sha256", data, other),
      }),
    ).rejects.toMatchObject({ reason: "csr_invalid" });
  });
});
