import { describeCertificate } from "@lnca/pki";
import { issueTestCertificate, makeTestCa } from "@lnca/pki/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError, staffClient } from "../../../test/support/api-client";
import { nextSeq } from "../../../test/support/identifiers";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

let t: TestApp;
let operator: ApiClient;
const VENDORS = "/api/v1/console/catalog/vendors";

beforeAll(async () => {
  t = await createTestApp();
  operator = await staffClient(t, "operator");
});
afterAll(() => t.close());

describe(`console: vendors, their CA adapter and trusted roots (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("adds a vendor served over EST, changes it, and the adapter per vendor follows the catalog row", async () => {
    const code = `EST${nextSeq()}`;
    const created = await operator.post(VENDORS, {
      code,
      name: "某 CA",
      adapter: "est",
      estUrl: "https://est.example.cn:8443/.well-known/est/",
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({
      code,
      name: "某 CA",
      adapter: "est",
      estUrl: "https://est.example.cn:8443/.well-known/est",
    });
    expectError(
      await operator.post(VENDORS, { code, name: "又一个", adapter: "builtin", estUrl: null }),
      409,
      "VENDOR_CODE_TAKEN",
    );

    const row = await t.ctx.catalogAdmin.findVendor(code);
    if (!row) throw new Error("vendor not stored");
    expect(t.ctx.adapters.caAdapterFor(row).name).toBe("est");

    const updated = await operator.request("PUT", `${VENDORS}/${code}`, {
      name: "某 CA（内置）",
      adapter: "builtin",
      estUrl: "https://ignored.example/.well-known/est",
    });
    expect(updated.json()).toEqual({ code, name: "某 CA（内置）", adapter: "builtin", estUrl: null });
    const after = await t.ctx.catalogAdmin.findVendor(code);
    if (!after) throw new Error("vendor gone");
    expect(t.ctx.adapters.caAdapterFor(after)).toBe(t.ctx.ca);

    const listed = (await operator.get(VENDORS)).json() as { code: string; adapter: string }[];
    expect(listed.find((v) => v.code === code)).toMatchObject({ adapter: "builtin", estUrl: null });
    // The public catalog still shows code and name only.
    const publicList = (await operator.get("/api/v1/catalog/vendors")).json() as object[];
    expect(publicList.find((v) => "code" in v && v.code === code)).toEqual({ code, name: "某 CA（内置）" });
  });

  it("refuses EST without an https URL, and an unknown vendor", async () => {
    const code = `EST${nextSeq()}`;
    expectError(
      await operator.post(VENDORS, { code, name: "某 CA", adapter: "est", estUrl: null }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await operator.post(VENDORS, {
        code,
        name: "某 CA",
        adapter: "est",
        estUrl: "http://est.example/.well-known/est",
      }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await operator.request("PUT", `${VENDORS}/NOPE${nextSeq()}`, { name: "x", adapter: "builtin", estUrl: null }),
      404,
      "VENDOR_NOT_FOUND",
    );
  });

  it("registers a vendor's root and issuing CA, which logins then trust; refuses leaves and duplicates", async () => {
    const code = `V${nextSeq()}`;
    await operator.post(VENDORS, { code, name: "外部 CA", adapter: "builtin", estUrl: null });
    const url = `${VENDORS}/${code}/trusted-certificates`;
    const ca = await makeTestCa({ name: `外部 CA ${code}` });
    const leaf = await issueTestCertificate({ ca });
    const before = await t.ctx.trust.validate(leaf.certificatePem, ca.chainPem);
    expect(before.result).toMatchObject({ ok: false, reason: "untrusted" });

    const root = await operator.post(url, { certificatePem: ca.rootCertificatePem });
    expect(root.json()).toMatchObject({ kind: "root", subject: describeCertificate(ca.rootCertificatePem).subject });
    const issuing = await operator.post(url, { certificatePem: ca.issuingCertificatePem });
    expect(issuing.json()).toMatchObject({ kind: "intermediate" });
    expectError(await operator.post(url, { certificatePem: ca.rootCertificatePem }), 409, "TRUSTED_CERTIFICATE_EXISTS");
    expectError(await operator.post(url, { certificatePem: leaf.certificatePem }), 400, "TRUSTED_CERTIFICATE_INVALID");
    expectError(await operator.post(url, { certificatePem: "garbage" }), 400, "TRUSTED_CERTIFICATE_INVALID");

    const listed = (await operator.get(url)).json() as { kind: string; fingerprintSha256: string }[];
    expect(listed.map((c) => c.kind)).toEqual(["root", "intermediate"]);
    const after = await t.ctx.trust.validate(leaf.certificatePem, []);
    expect(after.result.ok).toBe(true);
    expect(after.vendorId).toBe((await t.ctx.catalogAdmin.findVendor(code))?.id);
    expectError(await operator.get(`${VENDORS}/NOPE${nextSeq()}/trusted-certificates`), 404, "VENDOR_NOT_FOUND");
  });
});
