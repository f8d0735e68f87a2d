import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, errorCode, staffClient } from "../../../test/support/api-client";
import {
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
  type TestKey,
} from "../../../test/support/factories";
import { makeResidentId, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser, caLogin, loginAndBind } from "../../../test/support/journeys";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

const HEADER = "serial,issuer,holder,enterprise_uscc,category,platforms,enterprise_name";
const IMPORT = "/api/v1/console/certificate-registry/import";

let t: TestApp;
let operator: ApiClient;
let platformCodes: string[];
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  operator = await staffClient(t, "operator");
  platformCodes = (await new ApiClient(t.app).get("/api/v1/catalog/platforms"))
    .json()
    .map((p: { code: string }) => p.code);
});
afterAll(() => t?.close());

/** The serial as the old platform wrote it: upper case, colon-separated, with a leading zero byte. */
const oldPlatformSerial = (key: TestKey) =>
  `00:${key.serialNumber
    .toUpperCase()
    .match(/.{1,2}/g)
    ?.join(":")}`;
const issuerCn = () => /CN=([^,]+)/.exec(t.ctx.ca.issuerSubject)?.[1] ?? "";
const csvField = (value: string) => `"${value.replaceAll('"', '""')}"`;

async function importCsv(csv: string, client = operator) {
  return client.post(IMPORT, { csv });
}

async function associationsOf(key: TestKey) {
  return t.ctx.database.db
    .selectFrom("associations")
    .innerJoin("certificates", "certificates.id", "associations.certificate_id")
    .innerJoin("platforms", "platforms.id", "associations.platform_id")
    .select(["platforms.code", "associations.status"])
    .where("certificates.serial_number", "=", key.serialNumber)
    .execute();
}

describe("old-platform certificate registry", () => {
  it("a personal key in the registry (issuer by CN) binds with the registry's category and enterprise", async () => {
    const enterprise = newEnterprise();
    // The certificate itself names no enterprise and a category the platform does not know.
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "vendor_specific", holderName: "孙老用户" }));
    const platforms = platformCodes.slice(0, 3);
    const csv = [
      HEADER,
      [
        oldPlatformSerial(key),
        issuerCn(),
        "孙老用户",
        enterprise.uscc,
        "project_lead",
        platforms.join("|"),
        enterprise.name,
      ]
        .map(csvField)
        .join(","),
    ].join("\n");
    const imported = await importCsv(csv);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ imported: 1, updated: 0, rejected: [] });

    const client = new ApiClient(t.app);
    const first = await caLogin(client, key);
    expect(first.json()).toMatchObject({
      status: "binding_required",
      certificate: { knownFromRegistry: true, category: "project_lead", holderName: "孙老用户" },
    });
    const bound = await loginAndBind(t, client, key, { mobile: nextMobile() });
    expect(bound.statusCode).toBe(200);
    expect(bound.json().user.identities).toEqual([
      expect.objectContaining({ role: "project_lead", enterpriseName: enterprise.name }),
    ]);
    // The registry's platforms stay with the certificate the login completed (no second row appeared).
    expect((await associationsOf(key)).map((a) => a.code).sort()).toEqual([...platforms].sort());
    const rows = await t.ctx.database.db
      .selectFrom("certificates")
      .select(["source", "fingerprint_sha256", "category_code"])
      .where("serial_number", "=", key.serialNumber)
      .execute();
    expect(rows).toEqual([expect.objectContaining({ source: "registry", category_code: "project_lead" })]);
    expect(rows[0]?.fingerprint_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a main key in the registry (issuer as full DN) binds its enterprise's administrator", async () => {
    const enterprise = newEnterprise();
    const key = await issueKey(t.ctx, organizationProfile(enterprise));
    const csv = `${HEADER}\n${[key.serialNumber, t.ctx.ca.issuerSubject, enterprise.name, enterprise.uscc, "unit_main", platformCodes[0] ?? "", ""].map(csvField).join(",")}\n`;
    expect((await importCsv(csv)).json()).toMatchObject({ imported: 1, rejected: [] });

    const login = await caLogin(new ApiClient(t.app), key);
    expect(login.json()).toMatchObject({
      certificate: { knownFromRegistry: true, holderKind: "organization", category: "unit_main" },
    });
    const client = await boundUser(t, key, { mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "吴" });
    const session = (await client.get("/api/v1/auth/session")).json();
    expect(session.user.identities).toEqual([
      expect.objectContaining({ role: "admin", enterpriseName: enterprise.name }),
    ]);
  });

  it("a key not in the registry is not known from it", async () => {
    const key = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" }));
    // Same serial, other issuer: no match.
    const csv = `${HEADER}\n${[key.serialNumber, "CN=别家 CA", "某人", newEnterprise().uscc, "project_lead", "", ""].map(csvField).join(",")}`;
    expect((await importCsv(csv)).json()).toMatchObject({ imported: 1 });
    expect((await caLogin(new ApiClient(t.app), key)).json()).toMatchObject({
      certificate: { knownFromRegistry: false },
    });
  });

  it("reports bad rows by line and keeps the good ones; re-importing updates", async () => {
    const good = newEnterprise();
    const serial = (n: number) => (0xabc000 + n).toString(16);
    const lines = [
      HEADER,
      `${serial(1)},${issuerCn()},甲,${good.uscc},project_lead,${platformCodes[0]}|${platformCodes[1]},${good.name}`,
      `not-hex!,${issuerCn()},乙,${good.uscc},project_lead,,`,
      `${serial(3)},,丙,${good.uscc},project_lead,,`,
      `${serial(4)},${issuerCn()},,${good.uscc},project_lead,,`,
      `${serial(5)},${issuerCn()},丁,91210100MA0000000X,project_lead,,`,
      `${serial(6)},${issuerCn()},戊,${good.uscc},no_such_category,,`,
      `${serial(7)},${issuerCn()},己,${good.uscc},project_lead,no_such_platform,`,
      `${serial(8)},${issuerCn()},庚,${good.uscc},project_lead,${platformCodes[0]}|${platformCodes[0]},`,
      `${serial(9)},${issuerCn()},辛,${good.uscc},cost_engineer,,${good.name}`,
    ];
    const first = await importCsv(lines.join("\r\n"));
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.imported).toBe(2);
    expect(body.updated).toBe(0);
    expect(body.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(
      body.rejected.every((r: { code: string; message: string }) => r.code === "REGISTRY_IMPORT_INVALID" && r.message),
    ).toBe(true);

    // Without a header the first row is line 1.
    const again = await importCsv(`\uFEFF${lines[1]}\nbad,row`);
    expect(again.json()).toMatchObject({ imported: 0, updated: 1, rejected: [{ line: 2 }] });
  });

  it("refuses unreadable CSV as a whole with a coded 400", async () => {
    const response = await importCsv(`${HEADER}\n"unterminated,quote`);
    expect({ status: response.statusCode, code: errorCode(response) }).toEqual({
      status: 400,
      code: "REGISTRY_IMPORT_INVALID",
    });
  });

  it("only operators import", async () => {
    const csv = `${HEADER}\n1,${issuerCn()},x,${newEnterprise().uscc},project_lead,,`;
    const reviewer = await staffClient(t, "reviewer");
    expect((await importCsv(csv, reviewer)).statusCode).toBe(403);
    expect((await importCsv(csv, new ApiClient(t.app))).statusCode).toBe(401);
  });

  it("names the file's own line of each refusal: blank lines and line breaks inside quotes count", async () => {
    const e = newEnterprise();
    const row = (serial: string, holder: string, platforms = "") =>
      `${serial},${issuerCn()},${holder},${e.uscc},project_lead,${platforms},${e.name}`;
    const csv = [
      HEADER, // 1
      "", // 2
      row("abd001", '"多行\n持证人"'), // 3–4
      row("abd002", "甲", "no_such_platform"), // 5
      "", // 6
      row("abd001", "同一张证书再次出现"), // 7: the same certificate again, an update
      row("not-hex", "乙"), // 8
    ].join("\r\n");
    const body = (await importCsv(csv)).json();
    expect(body).toMatchObject({ imported: 1, updated: 1 });
    expect(body.rejected.map((r: { line: number }) => r.line)).toEqual([5, 8]);
  });

  it("refuses a row with a NUL byte by its line and imports the others, on either database", async () => {
    const e = newEnterprise();
    const row = (serial: string, holder: string) =>
      `${serial},${issuerCn()},${holder},${e.uscc},project_lead,${platformCodes[0]},${e.name}`;
    const csv = [HEADER, row("abe001", "甲"), row("abe002", "乙\u0000丙"), row("abe003", "丁")].join("\n");
    const response = await importCsv(csv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      imported: 2,
      updated: 0,
      rejected: [{ line: 3, code: "REGISTRY_IMPORT_INVALID", message: expect.stringContaining("NUL") }],
    });
    const holders = await t.ctx.database.db
      .selectFrom("certificates")
      .select("holder_name")
      .where("serial_number", "in", ["abe001", "abe002", "abe003"])
      .orderBy("serial_number")
      .execute();
    expect(holders.map((h) => h.holder_name)).toEqual(["甲", "丁"]);
  });

  it("two simultaneous imports of the same new rows leave each certificate and enterprise once, nothing refused", async () => {
    const enterprises = [newEnterprise(), newEnterprise()];
    const csv = [
      HEADER,
      ...Array.from({ length: 150 }, (_, i) => {
        const e = enterprises[i % 2] ?? newEnterprise();
        return `${(0xabf000 + i).toString(16)},${issuerCn()},持证人${i},${e.uscc},project_lead,${platformCodes[0]},${e.name}`;
      }),
    ].join("\n");
    const answers = await Promise.all([importCsv(csv), importCsv(csv)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const bodies = answers.map((a) => a.json());
    expect(bodies.flatMap((b) => b.rejected)).toEqual([]);
    expect(bodies.reduce((n, b) => n + b.imported, 0)).toBe(150);
    expect(bodies.reduce((n, b) => n + b.updated, 0)).toBe(150);
    const db = t.ctx.database.db;
    const certificates = await db
      .selectFrom("certificates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("serial_number", "like", "abf%")
      .executeTakeFirstOrThrow();
    expect(Number(certificates.n)).toBe(150);
    const saved = await db
      .selectFrom("enterprises")
      .select("uscc")
      .where(
        "uscc",
        "in",
        enterprises.map((e) => e.uscc),
      )
      .execute();
    expect(saved).toHaveLength(2);
  });
});
