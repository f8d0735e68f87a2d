/** An enterprise's summary: its own members and the staff read it; another enterprise's administrator may not. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError, staffClient } from "../../../test/support/api-client";
import { issueKey, newEnterprise, organizationProfile, personalProfile } from "../../../test/support/factories";
import { makeResidentId, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser } from "../../../test/support/journeys";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import { newId } from "../../shared/ids";

let t: TestApp;
let adminA: ApiClient;
let adminB: ApiClient;
let lead: ApiClient;
let reviewer: ApiClient;
let enterpriseA: { id: string; name: string; uscc: string };

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  const a = newEnterprise();
  const b = newEnterprise();
  const [mainA, mainB, leadKey] = await Promise.all([
    issueKey(t.ctx, organizationProfile(a)),
    issueKey(t.ctx, organizationProfile(b)),
    issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", enterprise: a })),
  ]);
  const admin = (name: string) => ({ mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name });
  adminA = await boundUser(t, mainA, admin("王建国"));
  adminB = await boundUser(t, mainB, admin("李四"));
  lead = await boundUser(t, leadKey, { mobile: nextMobile() });
  reviewer = await staffClient(t, "reviewer");
  const row = await t.ctx.database.db
    .selectFrom("enterprises")
    .select(["id", "name", "uscc"])
    .where("uscc", "=", a.uscc)
    .executeTakeFirstOrThrow();
  enterpriseA = row;
});
afterAll(() => t?.close());

describe("GET /api/v1/enterprises/:enterpriseId", () => {
  it("answers its administrator and its members with the summary, the administrator's name masked", async () => {
    const expected = { ...enterpriseA, adminNameMasked: "王**" };
    for (const client of [adminA, lead]) {
      const response = await client.get(`/api/v1/enterprises/${enterpriseA.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(expected);
    }
  });

  it("refuses the administrator of another enterprise: 403 FORBIDDEN", async () => {
    expectError(await adminB.get(`/api/v1/enterprises/${enterpriseA.id}`), 403, "FORBIDDEN");
  });

  it("answers an unknown id 404 ENTERPRISE_NOT_FOUND and a malformed one 400", async () => {
    expectError(await adminA.get(`/api/v1/enterprises/${newId()}`), 404, "ENTERPRISE_NOT_FOUND");
    expectError(await adminA.get("/api/v1/enterprises/not-an-id"), 400, "VALIDATION_FAILED");
  });

  it("is read by the staff in the console", async () => {
    const response = await reviewer.get(`/api/v1/console/enterprises/${enterpriseA.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: enterpriseA.id, uscc: enterpriseA.uscc });
    expectError(await reviewer.get(`/api/v1/console/enterprises/${newId()}`), 404, "ENTERPRISE_NOT_FOUND");
  });
});
