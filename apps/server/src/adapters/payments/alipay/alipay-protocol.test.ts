import { describe, expect, it } from "vitest";
import { alipayAmount, alipaySigningString, alipayTime, parseAlipayAmount, parseAlipayTime } from "./alipay-protocol";

describe("Alipay amounts", () => {
  it("writes fen as 元 with two decimals", () => {
    expect([0, 1, 10, 100, 70_000, 65_099].map(alipayAmount)).toEqual([
      "0.00",
      "0.01",
      "0.10",
      "1.00",
      "700.00",
      "650.99",
    ]);
    expect(() => alipayAmount(1.5)).toThrow(RangeError);
    expect(() => alipayAmount(-1)).toThrow(RangeError);
  });

  it("reads 元 to fen without floating point", () => {
    expect(parseAlipayAmount("700.00")).toBe(70_000);
    expect(parseAlipayAmount("0.01")).toBe(1);
    expect(parseAlipayAmount("0.1")).toBe(10);
    expect(parseAlipayAmount("19.99")).toBe(1_999);
    expect(parseAlipayAmount("1000")).toBe(100_000);
  });

  it("refuses anything but a plain decimal amount", () => {
    for (const text of [
      "",
      "-1.00",
      "+1.00",
      "1.001",
      "1e3",
      "01.00",
      " 1.00",
      "1,000.00",
      "0x10",
      "1.",
      ".5",
      undefined,
    ]) {
      expect(parseAlipayAmount(text), String(text)).toBeNull();
    }
  });
});

describe("Alipay times", () => {
  it("are Beijing time whatever the server's zone", () => {
    expect(alipayTime(new Date("2026-11-30T16:30:05Z"))).toBe("2026-12-01 00:30:05");
    expect(parseAlipayTime("2026-12-01 00:30:05")).toEqual(new Date("2026-11-30T16:30:05Z"));
    expect(parseAlipayTime("2026-12-01T00:30:05")).toBeNull();
    expect(parseAlipayTime(undefined)).toBeNull();
  });
});

describe("the signing string", () => {
  it("sorts by name, leaves out excluded and empty parameters, keeps values unencoded", () => {
    const params = { sign: "x", b: "2 & 3", a: "1", sign_type: "RSA2", empty: "" };
    expect(alipaySigningString(params, ["sign", "sign_type"])).toBe("a=1&b=2 & 3");
    expect(alipaySigningString(params, ["sign"])).toBe("a=1&b=2 & 3&sign_type=RSA2");
  });
});
