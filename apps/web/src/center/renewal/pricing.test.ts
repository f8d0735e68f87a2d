import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "./idempotencyKey";
import { renewalPriceFen } from "./pricing";

const platforms = Array.from({ length: 12 }, (_, i) => ({ code: `p${i}`, name: `平台${i}`, feeFen: 5_000 }));
const categories = [
  { code: "unit_main", name: "单位(机构)主锁", baseFeeFen: 10_000 },
  { code: "project_lead", name: "项目负责人锁", baseFeeFen: 0 },
  { code: "cost_engineer", name: "造价师锁", baseFeeFen: 5_000 },
];
const first = (n: number) => platforms.slice(0, n).map((p) => p.code);

describe("renewalPriceFen (SPEC J5 figures)", () => {
  it("prices 6 and 8 platforms of a project lead's key at 300 and 400 元", () => {
    expect(renewalPriceFen("project_lead", first(6), categories, platforms)).toBe(30_000);
    expect(renewalPriceFen("project_lead", first(8), categories, platforms)).toBe(40_000);
  });

  it("adds the category's base fee: main key with 9 platforms 550 元, cost engineer with 1 100 元", () => {
    expect(renewalPriceFen("unit_main", first(9), categories, platforms)).toBe(55_000);
    expect(renewalPriceFen("cost_engineer", first(1), categories, platforms)).toBe(10_000);
  });

  it("knows no price for a category the catalog does not list", () => {
    expect(renewalPriceFen("retired", first(1), categories, platforms)).toBeNull();
  });
});

describe("newIdempotencyKey", () => {
  it("makes distinct version-4 UUIDs", () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
