/**
 * 【企业信息】→【编辑企业信息】 (J3) through the API, on SQLite and PostgreSQL: the three steps kept as a draft,
 * each field's coded refusal at its field, attachments checked by their bytes, the 印模采集表 PDF, submission,
 * and who may see and do what.
 */
import type { EnterpriseInformation } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError, uploadFile } from "../../../test/support/api-client";
import {
  attachmentsFor,
  basicInfoFor,
  buildBoundToken,
  buildIdentity,
  exeBytes,
  invoicingInfoFor,
  issueKey,
  newEnterprise,
  organizationProfile,
  pdfBytes,
} from "../../../test/support/factories";
import { makeResidentId, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser, signedIn } from "../../../test/support/journeys";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

let t: TestApp;

interface AdminOf {
  client: ApiClient;
  enterprise: { id: string; name: string; uscc: string };
  base: string;
}

async function newAdmin(): Promise<AdminOf> {
  const enterprise = newEnterprise();
  const key = await issueKey(t.ctx, organizationProfile(enterprise));
  const client = await boundUser(t, key, { mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "王建国" });
  const row = await t.ctx.database.db
    .selectFrom("enterprises")
    .select(["id", "name", "uscc"])
    .where("uscc", "=", enterprise.uscc)
    .executeTakeFirstOrThrow();
  return { client, enterprise: row, base: `/api/v1/enterprises/${row.id}/information` };
}

async function fillAll(a: AdminOf): Promise<void> {
  expect((await a.client.request("PUT", `${a.base}/draft/basic`, basicInfoFor(a.enterprise))).statusCode).toBe(200);
  expect((await a.client.request("PUT", `${a.base}/draft/invoicing`, invoicingInfoFor(a.enterprise))).statusCode).toBe(
    200,
  );
  for (const [kind, file] of Object.entries(attachmentsFor())) {
    const res = await uploadFile(a.client, `${a.base}/draft/attachments/${kind}`, file.bytes, file.fileName);
    expect(res.statusCode, res.body).toBe(200);
  }
}

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
});
afterAll(() => t.close());

describe("the three steps, kept as a draft", () => {
  it("saves step 1 into a new draft; the administrator reads the ID number in full, masked beside it", async () => {
    const a = await newAdmin();
    const before = (await a.client.get(a.base)).json() as EnterpriseInformation;
    expect(before).toMatchObject({ status: "none", latest: null, inForce: null, canEdit: true });
    const basic = basicInfoFor(a.enterprise, { registeredCapitalFen: 123_456 });
    const res = await a.client.request("PUT", `${a.base}/draft/basic`, basic);
    expect(res.statusCode, res.body).toBe(200);
    const info = res.json() as EnterpriseInformation;
    expect(info.status).toBe("draft");
    expect(info.latest?.basic).toMatchObject({
      name: basic.name,
      registeredCapitalFen: 123_456,
      legalRepresentativeIdNumber: basic.legalRepresentativeIdNumber,
      legalRepresentativeIdNumberMasked: `${basic.legalRepresentativeIdNumber.slice(0, 4)}**********${basic.legalRepresentativeIdNumber.slice(14)}`,
      registeredRegionNames: ["辽宁省", "沈阳市", "和平区"],
      servicePointName: "沈阳市办理点",
    });
    expect(info.latest?.missing).toContain("开票信息");
    // Kept between visits: a second read answers the same draft.
    expect(((await a.client.get(a.base)).json() as EnterpriseInformation).latest?.id).toBe(info.latest?.id);
    // The ID number is not in the database in clear.
    const stored = await t.ctx.database.db
      .selectFrom("enterprise_revisions")
      .select("basic_info")
      .where("id", "=", info.latest?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(stored.basic_info).not.toContain(basic.legalRepresentativeIdNumber);
  });

  it.each([
    ["uscc", { uscc: "91210102MA0Y8D0Q2K" }, "USCC_INVALID"],
    ["uscc", { uscc: "91350100M000100Y43" }, "ENTERPRISE_USCC_MISMATCH"],
    ["legalRepresentativeIdNumber", { legalRepresentativeIdNumber: "210102198002301234" }, "ID_NUMBER_INVALID"],
    ["legalRepresentativeMobile", { legalRepresentativeMobile: "1380000" }, "MOBILE_INVALID"],
    ["registeredCapitalFen", { registeredCapitalFen: 0 }, "REGISTERED_CAPITAL_INVALID"],
    ["registeredRegion", { registeredRegion: ["21", "2102", "210102"] }, "REGION_INVALID"],
    ["entityTypes", { entityTypes: [] }, "ENTITY_TYPES_REQUIRED"],
    ["servicePointCode", { servicePointCode: "nowhere" }, "SERVICE_POINT_INVALID"],
    ["name", { name: "<script>" }, "ENTERPRISE_NAME_INVALID"],
  ] as const)("refuses a bad %s with %s at that field", async (field, override, code) => {
    const a = await newAdmin();
    const res = await a.client.request("PUT", `${a.base}/draft/basic`, {
      ...basicInfoFor(a.enterprise),
      ...override,
    });
    expectError(res, 400, code);
    expect(res.json().error.details).toEqual({ field });
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("checks 开票信息 (纳税人识别号, 电话, 开户行账号) with their own codes", async () => {
    const a = await newAdmin();
    const put = (override: object) =>
      a.client.request("PUT", `${a.base}/draft/invoicing`, { ...invoicingInfoFor(a.enterprise), ...override });
    expectError(await put({ taxpayerId: "12345" }), 400, "TAXPAYER_ID_INVALID");
    expectError(await put({ phone: "12345" }), 400, "PHONE_INVALID");
    expectError(await put({ bankAccount: "62-22" }), 400, "BANK_ACCOUNT_INVALID");
    const ok = await put({ bankAccount: "6222 0000 1111 2222" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as EnterpriseInformation).latest?.invoicing?.bankAccount).toBe("6222000011112222");
  });

  it("accepts attachments by their bytes only: a renamed executable and a PDF as the licence are refused", async () => {
    const a = await newAdmin();
    const url = (kind: string) => `${a.base}/draft/attachments/${kind}`;
    expectError(
      await uploadFile(a.client, url("sealForm"), exeBytes(), "stamped.pdf", "application/pdf"),
      415,
      "FILE_TYPE_NOT_ALLOWED",
    );
    expectError(
      await uploadFile(a.client, url("businessLicence"), pdfBytes(), "licence.jpg", "image/jpeg"),
      415,
      "FILE_TYPE_NOT_ALLOWED",
    );
    expectError(await uploadFile(a.client, url("unknownKind"), pdfBytes(), "x.pdf"), 400, "VALIDATION_FAILED");
    const ok = await uploadFile(a.client, url("sealForm"), pdfBytes(), "stamped.pdf");
    expect(ok.statusCode, ok.body).toBe(200);
    const info = ok.json() as EnterpriseInformation;
    expect(info.latest?.attachments.sealForm).toMatchObject({ mediaType: "application/pdf", fileName: "stamped.pdf" });
    const file = await a.client.get(`${a.base}/revisions/${info.latest?.id}/attachments/sealForm`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(file.rawPayload.equals(pdfBytes())).toBe(true);
  });

  it("generates the 电子签章印模采集表 as a PDF with the enterprise's data", async () => {
    const a = await newAdmin();
    await a.client.request("PUT", `${a.base}/draft/basic`, basicInfoFor(a.enterprise));
    const res = await a.client.get(`${a.base}/seal-form`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.length).toBeLessThan(400 * 1024);
  });
});

describe("submission", () => {
  it("says what is missing, then submits (待审核) and refuses edits while under review", async () => {
    const a = await newAdmin();
    await a.client.request("PUT", `${a.base}/draft/basic`, basicInfoFor(a.enterprise));
    const early = await a.client.post(`${a.base}/draft/submit`);
    expectError(early, 422, "ENTERPRISE_INFO_INCOMPLETE");
    expect(early.json().error.details.missing).toEqual(
      expect.arrayContaining(["开票信息", "营业执照(副本)彩色扫描件或加盖公章复印件"]),
    );
    await fillAll(a);
    const submitted = await a.client.post(`${a.base}/draft/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: "pending_review", canEdit: false });
    expectError(
      await a.client.request("PUT", `${a.base}/draft/basic`, basicInfoFor(a.enterprise)),
      409,
      "ENTERPRISE_INFO_UNDER_REVIEW",
    );
    expectError(await a.client.post(`${a.base}/draft/submit`), 409, "ENTERPRISE_INFO_UNDER_REVIEW");
  });

  it("of two first saves at once, both end in the one draft (or one is told to retry): never two drafts", async () => {
    const a = await newAdmin();
    const results = await Promise.all(
      [1, 2, 3].map(() => a.client.request("PUT", `${a.base}/draft/basic`, basicInfoFor(a.enterprise))),
    );
    for (const r of results) expect([200, 409]).toContain(r.statusCode);
    const drafts = await t.ctx.database.db
      .selectFrom("enterprise_revisions")
      .select("id")
      .where("enterprise_id", "=", a.enterprise.id)
      .execute();
    expect(drafts).toHaveLength(1);
  });
});

describe("who may see and do what", () => {
  it("a project lead of the enterprise reads the status with the ID number masked, and edits nothing", async () => {
    const a = await newAdmin();
    await fillAll(a);
    const lead = await buildBoundToken(t.ctx);
    await buildIdentity(t.ctx, { userId: lead.user.id, enterpriseId: a.enterprise.id, role: "project_lead" });
    const client = await signedIn(t, lead);
    const identities = (await client.get("/api/v1/auth/session")).json().user.identities as {
      id: string;
      enterpriseId: string | null;
    }[];
    const identity = identities.find((i) => i.enterpriseId === a.enterprise.id);
    expect((await client.post(`/api/v1/identities/${identity?.id}/switch`)).statusCode).toBe(200);
    const info = (await client.get(a.base)).json() as EnterpriseInformation;
    expect(info.canEdit).toBe(false);
    expect(info.latest?.basic?.legalRepresentativeIdNumber).toBeNull();
    expect(info.latest?.basic?.legalRepresentativeIdNumberMasked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expectError(await client.request("PUT", `${a.base}/draft/basic`, basicInfoFor(a.enterprise)), 403, "FORBIDDEN");
    expectError(
      await client.get(`${a.base}/revisions/${info.latest?.id}/attachments/legalRepresentativeIdBack`),
      403,
      "FORBIDDEN",
    );
  });

  it("another enterprise's administrator reads and changes nothing", async () => {
    const a = await newAdmin();
    const b = await newAdmin();
    expectError(await b.client.get(a.base), 403, "FORBIDDEN");
    expectError(await b.client.request("PUT", `${a.base}/draft/basic`, basicInfoFor(a.enterprise)), 403, "FORBIDDEN");
    expectError(await b.client.get(`${a.base}/seal-form`), 403, "FORBIDDEN");
  });

  it("every view of an attachment is audited", async () => {
    const a = await newAdmin();
    await fillAll(a);
    const info = (await a.client.get(a.base)).json() as EnterpriseInformation;
    await a.client.get(`${a.base}/revisions/${info.latest?.id}/attachments/legalRepresentativeIdFront`);
    const audits = await t.ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "data"])
      .where("entity_id", "=", info.latest?.id ?? "")
      .where("action", "=", "enterprise.attachment_viewed")
      .execute();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]?.data ?? "{}")).toMatchObject({ kind: "legalRepresentativeIdFront" });
  });
});
