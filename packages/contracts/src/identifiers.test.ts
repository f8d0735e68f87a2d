import { describe, expect, it } from "vitest";
import { isValidResidentId, isValidUscc, maskMobile, normalizeMobile } from "./identifiers";

describe("USCC (GB 32100)", () => {
  it("accepts a code with the right check character", () => {
    expect(isValidUscc("91350100M000100Y43")).toBe(true);
  });
  it("rejects a wrong check character, a forbidden letter and a wrong length", () => {
    expect(isValidUscc("91350100M000100Y44")).toBe(false);
    expect(isValidUscc("91350100M000100I43")).toBe(false);
    expect(isValidUscc("91350100M000100Y4")).toBe(false);
  });
});

describe("resident ID (GB 11643)", () => {
  it("accepts a valid number with X check digit", () => {
    expect(isValidResidentId("11010519491231002X")).toBe(true);
  });
  it("rejects a wrong check digit and an impossible birth date", () => {
    expect(isValidResidentId("110105194912310021")).toBe(false);
    expect(isValidResidentId("110105194902300028")).toBe(false);
  });
});

describe("mobile", () => {
  it("strips +86 and spaces", () => {
    expect(normalizeMobile("+86 138 0013 8000")).toBe("13800138000");
  });
  it("rejects numbers that are not mainland mobiles", () => {
    expect(normalizeMobile("12800138000")).toBeNull();
    expect(normalizeMobile("1380013800")).toBeNull();
  });
  it("masks the middle four digits", () => {
    expect(maskMobile("13800138000")).toBe("138****8000");
  });
});
