/** A certificate: its holder and its enterprise's administrator read it; nobody else. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError } from "../../../test/support/api-client";
import {
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
  type TestKey,
} from "../../../test/support/factories";
import { makeResidentId, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser } from "../../../test/support/journeys";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import { newId } from "../../shared/ids";

let t: TestApp;
let holder: ApiClient;
let colleague: ApiClient;
let adminA: ApiClient;
let adminB: ApiClient;
let leadKey: TestKey;
let certificateId: string;

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  const a = newEnterprise();
  const b = newEnterprise();
  const [mainA, mainB, lead, agent] = await Promise.all([
    issueKey(t.ctx, organizationProfile(a)),
    issueKey(t.ctx, organizationProfile(b)),
    issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", enterprise: a })),
    issueKey(t.ctx, personalProfile({ categoryCode: "authorized_agent", enterprise: a })),
  ]);
  leadKey = lead;
  const admin = () => ({ mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "管理员" });
  adminA = await boundUser(t, mainA, admin());
  adminB = await boundUser(t, mainB, admin());
  holder = await boundUser(t, lead, { mobile: nextMobile() });
  colleague = await boundUser(t, agent, { mobile: nextMobile() });
  certificateId = (
    await t.ctx.database.db
      .selectFrom("certificates")
      .select("id")
      .where("serial_number", "=", lead.serialNumber)
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t?.close());

describe("GET /api/v1/certificates/:certificateId", () => {
  it("answers its holder and its enterprise's administrator", async () => {
    for (const client of [holder, adminA]) {
      const response = await client.get(`/api/v1/certificates/${certificateId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: certificateId,
        serialNumber: leadKey.serialNumber,
        holderKind: "personal",
        holderName: leadKey.profile.holderName,
        category: "project_lead",
        status: "active",
      });
    }
  });

  it("refuses a colleague who is not its holder and another enterprise's administrator: 403 FORBIDDEN", async () => {
    expectError(await colleague.get(`/api/v1/certificates/${certificateId}`), 403, "FORBIDDEN");
    expectError(await adminB.get(`/api/v1/certificates/${certificateId}`), 403, "FORBIDDEN");
  });

  it("answers an unknown id 404 CERTIFICATE_NOT_FOUND", async () => {
    expectError(await holder.get(`/api/v1/certificates/${newId()}`), 404, "CERTIFICATE_NOT_FOUND");
  });
});
