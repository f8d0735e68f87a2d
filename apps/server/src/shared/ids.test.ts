import { describe, expect, it } from "vitest";
import { newSecretToken, randomBase64url } from "./ids";

describe("pooled random bytes", () => {
  it("hands out each byte once: no two tokens alike across many pool refills", () => {
    const tokens = Array.from({ length: 2000 }, newSecretToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("is not all zeros after a refill boundary (the zeroed bytes are never handed out)", () => {
    const zero = Buffer.alloc(32).toString("base64url");
    for (let i = 0; i < 500; i++) expect(randomBase64url(32)).not.toBe(zero);
  });

  it("refuses more than a pool's worth at once", () => {
    expect(() => randomBase64url(1 << 20)).toThrow(RangeError);
  });
});
