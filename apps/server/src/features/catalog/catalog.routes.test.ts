import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import { seedCatalog } from "../../seed/seed-catalog";
import { CatalogAdminService } from "./catalog-admin.service";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedCatalog(new CatalogAdminService(t.ctx.database, t.ctx.clock));
});
afterAll(() => t.close());

const quote = (items: unknown) => t.app.inject({ method: "POST", url: "/api/v1/catalog/quote", payload: { items } });
const codesOf = (names: string[], platforms: { code: string; name: string }[]) =>
  names.map((n) => platforms.find((p) => p.name === n)?.code);

describe("catalog", () => {
  it("lists the twelve platforms of the guide at 50 元 and the four categories", async () => {
    const platforms = (await t.app.inject("/api/v1/catalog/platforms")).json();
    expect(platforms).toHaveLength(12);
    expect(platforms.every((p: { feeFen: number }) => p.feeFen === 5000)).toBe(true);
    const categories = (await t.app.inject("/api/v1/catalog/certificate-categories")).json();
    expect(categories.map((c: { name: string; baseFeeFen: number }) => [c.name, c.baseFeeFen])).toEqual([
      ["单位(机构)主锁", 10000],
      ["项目负责人锁", 0],
      ["授权委托人锁", 0],
      ["造价师锁", 5000],
    ]);
    const points = (await t.app.inject("/api/v1/catalog/service-points")).json();
    expect(points).toHaveLength(14);
  });

  it("reproduces the guide's six figures (300, 400, 700; 550, 100, 650)", async () => {
    const platforms = (await t.app.inject("/api/v1/catalog/platforms")).json();
    const liu = [
      "辽宁建设工程信息网",
      "辽宁省招标投标监管网",
      "辽宁省政府采购平台",
      "沈阳市公共资源平台",
      "大连市公共资源平台",
      "鞍山公共资源平台",
    ];
    const xu = [...liu, "锦州市公共资源平台", "朝阳市公共资源平台"];
    const mainKey = [
      "辽宁建设工程信息网",
      "辽宁省招标投标监管网",
      "辽宁省政府采购平台",
      "辽宁省公共资源平台",
      "沈阳市公共资源平台",
      "大连政府采购平台",
      "锦州市公共资源平台",
      "华晨集团电子采购平台",
      "沈抚示范区建设项目管理平台",
    ];
    const order1 = await quote([
      { categoryCode: "project_lead", platformCodes: codesOf(liu, platforms) },
      { categoryCode: "project_lead", platformCodes: codesOf(xu, platforms) },
    ]);
    expect(order1.json()).toEqual({ items: [{ priceFen: 30000 }, { priceFen: 40000 }], totalFen: 70000 });
    const order2 = await quote([
      { categoryCode: "unit_main", platformCodes: codesOf(mainKey, platforms) },
      { categoryCode: "cost_engineer", platformCodes: codesOf(["辽宁建设工程信息网"], platforms) },
    ]);
    expect(order2.json()).toEqual({ items: [{ priceFen: 55000 }, { priceFen: 10000 }], totalFen: 65000 });
  });

  it.each([
    ["unknown category", [{ categoryCode: "nope", platformCodes: ["ln-jsgc"] }], "CATALOG_UNKNOWN_CATEGORY"],
    ["unknown platform", [{ categoryCode: "unit_main", platformCodes: ["nope"] }], "CATALOG_UNKNOWN_PLATFORM"],
    [
      "duplicate platform",
      [{ categoryCode: "unit_main", platformCodes: ["ln-jsgc", "ln-jsgc"] }],
      "CATALOG_DUPLICATE_PLATFORM",
    ],
    ["empty platform list", [{ categoryCode: "unit_main", platformCodes: [] }], "CATALOG_NO_PLATFORM"],
    ["no items", [], "CATALOG_NO_ITEMS"],
    ["items not a list", "x", "VALIDATION_FAILED"],
    ["platform codes not strings", [{ categoryCode: "unit_main", platformCodes: [1] }], "VALIDATION_FAILED"],
  ])("rejects %s with a coded 400", async (_name, items, code) => {
    const res = await quote(items);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("answers malformed JSON, a wrong content type and unknown routes with coded errors", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/catalog/quote",
      headers: { "content-type": "application/json" },
      payload: "{bad",
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, "BAD_REQUEST"]);
    const text = await t.app.inject({
      method: "POST",
      url: "/api/v1/catalog/quote",
      headers: { "content-type": "text/plain" },
      payload: "x",
    });
    expect([text.statusCode, text.json().error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const missing = await t.app.inject("/api/v1/nope");
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("reports health with the database kind", async () => {
    const res = await t.app.inject("/api/v1/health");
    expect(res.json()).toMatchObject({ status: "ok", database: process.env.TEST_DATABASE_URL ? "postgres" : "sqlite" });
  });

  it("serves an OpenAPI 3 document listing the catalog routes", async () => {
    const doc = (await t.app.inject("/api/v1/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/catalog/quote", "/api/v1/health"]));
  });
});
