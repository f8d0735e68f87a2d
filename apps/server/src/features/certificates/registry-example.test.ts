import { REGISTRY_CSV_EXAMPLE } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, staffClient } from "../../../test/support/api-client";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

const IMPORT = "/api/v1/console/certificate-registry/import";

let t: TestApp;
let operator: ApiClient;
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  operator = await staffClient(t, "operator");
});
afterAll(() => t?.close());

describe("the 证书名录 page's own example", () => {
  it("imports exactly as the page shows it, a personal key without USCC included", async () => {
    const response = await operator.post(IMPORT, { csv: REGISTRY_CSV_EXAMPLE });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 2, updated: 0, rejected: [] });
    const rows = await t.ctx.database.db
      .selectFrom("certificates")
      .leftJoin("enterprises", "enterprises.id", "certificates.enterprise_id")
      .select(["certificates.serial_number", "certificates.holder_kind", "enterprises.uscc"])
      .where("certificates.source", "=", "registry")
      .orderBy("certificates.serial_number")
      .execute();
    expect(rows).toEqual([
      { serial_number: "1a2b3c4d", holder_kind: "organization", uscc: "91210102MA0Y8D0Q2J" },
      { serial_number: "5e6f7a8b", holder_kind: "personal", uscc: null },
    ]);
  });

  it("still asks a unit key for its USCC", async () => {
    const csv = "serial,issuer,holder,enterprise_uscc,category,platforms\n9A9B,CFCA,某单位,,unit_main,ln-jsgc";
    expect((await operator.post(IMPORT, { csv })).json()).toEqual({
      imported: 0,
      updated: 0,
      rejected: [{ line: 2, code: "REGISTRY_IMPORT_INVALID", message: "单位锁须填写统一社会信用代码" }],
    });
  });
});
