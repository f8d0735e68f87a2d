import { generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ecdsaRawToDer } from "./certificates";

describe("ecdsaRawToDer", () => {
  it("turns r‖s from CKM_ECDSA into a DER signature Node verifies, for many random signatures", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const data = Buffer.from("challenge");
    // Enough signatures to hit r or s with a high bit set (needs a 0x00 pad) and with leading zero bytes.
    for (let i = 0; i < 200; i++) {
      const raw = sign("sha256", data, { key: privateKey, dsaEncoding: "ieee-p1363" });
      const der = ecdsaRawToDer(raw);
      expect(verify("sha256", data, publicKey, der)).toBe(true);
    }
  });

  it("strips leading zeros and pads a high bit", () => {
    const raw = Buffer.concat([Buffer.from([0, 0, 0x80]), Buffer.from([0, 0, 0x01])]);
    expect(ecdsaRawToDer(raw).toString("hex")).toBe("300702020080020101");
  });
});
