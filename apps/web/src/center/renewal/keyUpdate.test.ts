import type { KeybridgeKey } from "@lnca/contracts";
import { describe, expect, it } from "vitest";
import { findCertificateOnKeys, pendingRetires, sameSerial } from "./keyUpdate";

const certificate = (serialNumber: string) => ({
  certId: `c-${serialNumber}`,
  pem: "",
  subject: "CN=刘洋",
  commonName: "刘洋",
  issuer: "CN=CA",
  serialNumber,
  notBefore: "2025-11-30T00:00:00Z",
  notAfter: "2026-11-30T00:00:00Z",
  keyAlgorithm: "EC-P256" as const,
});
const key = (keyId: string, serials: string[]): KeybridgeKey => ({
  keyId,
  label: keyId,
  manufacturer: "SoftHSM",
  model: "SoftHSM v2",
  pinTriesLeft: null,
  pinLocked: false,
  certificates: serials.map(certificate),
});

describe("the paid certificate on the inserted keys", () => {
  it("compares serials as numbers (the keybridge writes uppercase with leading zeros)", () => {
    expect(sameSerial("0A1B2C", "a1b2c")).toBe(true);
    expect(sameSerial("00", "0")).toBe(true);
    expect(sameSerial("a1b2c", "a1b2d")).toBe(false);
  });

  it("finds the key holding it, or none", () => {
    const keys = [key("k1", ["01FF"]), key("k2", ["ABCD", "0BEEF"])];
    expect(findCertificateOnKeys(keys, "beef")).toMatchObject({
      key: { keyId: "k2" },
      certificate: { certId: "c-0BEEF" },
    });
    expect(findCertificateOnKeys(keys, "1ff")?.key.keyId).toBe("k1");
    expect(findCertificateOnKeys(keys, "abce")).toBeNull();
  });
});

describe("pending deletions of old keys, kept in the browser", () => {
  it("remembers one entry per key update and forgets it once done; a corrupt store reads as empty", () => {
    const map = new Map<string, string>();
    const store = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const retires = pendingRetires(store);
    retires.remember({ keyUpdateId: "u1", oldSerial: "ab", holderName: "刘洋" });
    retires.remember({ keyUpdateId: "u1", oldSerial: "ab", holderName: "刘洋" });
    retires.remember({ keyUpdateId: "u2", oldSerial: "cd", holderName: "徐静" });
    expect(retires.list().map((e) => e.keyUpdateId)).toEqual(["u1", "u2"]);
    retires.forget("u1");
    expect(retires.list().map((e) => e.keyUpdateId)).toEqual(["u2"]);
    map.set("lnca.keyUpdates.pendingRetire", "{not json");
    expect(retires.list()).toEqual([]);
  });
});
