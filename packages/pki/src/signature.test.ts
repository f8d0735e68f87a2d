import { describe, expect, it } from "vitest";
import type { KeyAlgorithm } from "./algorithms";
import { PkiError } from "./errors";
import {
  exportPrivateKeyPem,
  exportPublicKeySpkiPem,
  generateKeyPair,
  importPrivateKeyPem,
  importPublicKey,
} from "./keys";
import { ecdsaDerToRaw, ecdsaRawToDer, signData, verifySignature } from "./signature";
import { issueTestCertificate, makeTestCa } from "./testing";

const data = new TextEncoder().encode("LNCA-AUTH-CHALLENGE v1\n登录");

describe("keys", () => {
  it.each<KeyAlgorithm>(["EC-P256", "RSA-2048"])("round-trips a %s key pair through PEM", async (alg) => {
    const keys = await generateKeyPair(alg);
    const privatePem = await exportPrivateKeyPem(keys.privateKey);
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const restored = await importPrivateKeyPem(privatePem, alg);
    const publicKey = await importPublicKey(await exportPublicKeySpkiPem(keys.publicKey), alg);
    const signature = await crypto.subtle.sign(
      alg === "EC-P256" ? { name: "ECDSA", hash: "SHA-256" } : { name: "RSASSA-PKCS1-v1_5" },
      restored,
      data,
    );
    expect(
      await crypto.subtle.verify(
        alg === "EC-P256" ? { name: "ECDSA", hash: "SHA-256" } : { name: "RSASSA-PKCS1-v1_5" },
        publicKey,
        signature,
        data,
      ),
    ).toBe(true);
  });

  it("refuses a key of the wrong algorithm", async () => {
    const pem = await exportPrivateKeyPem((await generateKeyPair("EC-P256")).privateKey);
    await expect(importPrivateKeyPem(pem, "RSA-2048")).rejects.toBeInstanceOf(PkiError);
  });
});

describe("verifySignature", async () => {
  const ca = await makeTestCa();
  const ec = await issueTestCertificate({ ca, algorithm: "EC-P256" });
  const rsa = await issueTestCertificate({ ca, algorithm: "RSA-2048" });

  it.each([
    ["EC-P256", ec, "ecdsa-sha256"],
    ["RSA-2048", rsa, "rsa-pkcs1-sha256"],
  ] as const)("accepts a %s signature and rejects a tampered message", async (alg, cert, algorithm) => {
    const signature = await signData(cert.keys.privateKey, alg, data);
    const certificate = cert.certificatePem;
    expect(await verifySignature({ certificate, data, signature, algorithm })).toBe(true);
    const tampered = data.slice();
    tampered[0] = 0;
    expect(await verifySignature({ certificate, data: tampered, signature, algorithm })).toBe(false);
  });

  it("is false for another key's signature, a wrong algorithm name or garbage", async () => {
    const other = await issueTestCertificate({ ca });
    const signature = await signData(other.keys.privateKey, "EC-P256", data);
    const certificate = ec.certificatePem;
    expect(await verifySignature({ certificate, data, signature, algorithm: "ecdsa-sha256" })).toBe(false);
    const own = await signData(ec.keys.privateKey, "EC-P256", data);
    expect(await verifySignature({ certificate, data, signature: own, algorithm: "rsa-pkcs1-sha256" })).toBe(false);
    const garbage = new Uint8Array([1, 2, 3]);
    expect(await verifySignature({ certificate, data, signature: garbage, algorithm: "ecdsa-sha256" })).toBe(false);
  });
});

describe("ECDSA signature encodings", () => {
  it("converts r‖s to DER and back, with sign bytes and short integers", () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r needs a 00 sign byte
    raw[63] = 0x01; // s is a one-byte integer
    const der = ecdsaRawToDer(raw);
    expect(Buffer.from(der).toString("hex")).toBe(`30260221 00 80${"00".repeat(31)} 020101`.replace(/ /g, ""));
    expect(ecdsaDerToRaw(der, 32)).toEqual(raw);
  });

  it("round-trips a real signature that node:crypto accepts", async () => {
    const keys = await generateKeyPair("EC-P256");
    const der = await signData(keys.privateKey, "EC-P256", data);
    const raw = ecdsaDerToRaw(der, 32);
    expect(raw).toHaveLength(64);
    expect(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, keys.publicKey, raw, data)).toBe(true);
    expect(ecdsaRawToDer(raw)).toEqual(der);
  });

  it("rejects malformed input", () => {
    expect(() => ecdsaRawToDer(new Uint8Array(3))).toThrow(PkiError);
    expect(() => ecdsaDerToRaw(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 32)).toThrow(PkiError);
    const tooLong = ecdsaRawToDer(new Uint8Array(66).fill(0x11));
    expect(() => ecdsaDerToRaw(tooLong, 32)).toThrow(/longer than the curve/);
  });
});
