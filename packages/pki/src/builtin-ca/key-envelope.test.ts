import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openBytes, openPrivateKey, sealBytes, sealPrivateKey } from "./key-envelope";

describe("sealing (AES-256-GCM, label bound as additional data)", () => {
  const key = randomBytes(32);
  const plain = Buffer.from("210102198001011232");

  it("opens what it sealed, with a fresh nonce each time", () => {
    const a = sealBytes(plain, key, "users.id_number");
    const b = sealBytes(plain, key, "users.id_number");
    expect(a.equals(b)).toBe(false);
    expect(a.includes(plain)).toBe(false);
    expect(openBytes(a, key, "users.id_number").equals(plain)).toBe(true);
  });

  it("refuses another key, another label, a changed byte or a cut box", () => {
    const sealed = sealBytes(plain, key, "users.id_number");
    expect(() => openBytes(sealed, randomBytes(32), "users.id_number")).toThrow();
    expect(() => openBytes(sealed, key, "files:id_card_front")).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => openBytes(tampered, key, "users.id_number")).toThrow();
    expect(() => openBytes(sealed.subarray(0, 20), key, "users.id_number")).toThrow();
  });

  it("the CA's private-key envelope is the same sealing in base64 fields", () => {
    const sealed = sealPrivateKey(plain, key, "root");
    expect(openPrivateKey(sealed, key, "root").equals(plain)).toBe(true);
    expect(() => openPrivateKey(sealed, key, "issuing")).toThrow(/cannot decrypt the issuing CA key/);
  });
});
