import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../api-client";
import { caLogin } from "../journeys";
import { createTestApp, type TestApp } from "../test-app";
import {
  buildBoundToken,
  buildCertificate,
  buildEnterprise,
  buildIdentity,
  buildUser,
  newEnterprise,
  organizationProfile,
} from ".";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
});
afterAll(() => t?.close());

const identitiesOf = (userId: string) =>
  t.ctx.database.db
    .selectFrom("identities")
    .select(["enterprise_id", "role", "status"])
    .where("user_id", "=", userId)
    .execute();

describe("test factories make rows the app accepts", () => {
  it("buildCertificate: a recorded, unbound token with its certificate and associations", async () => {
    const key = await buildCertificate(t.ctx, undefined, { platformCodes: ["ln-jsgc", "sy-ggzy"] });
    expect(key.certificate).toMatchObject({ source: "issued", status: "active", serial_number: key.serialNumber });
    const token = await t.ctx.database.db
      .selectFrom("tokens")
      .select(["bound_user_id"])
      .where("id", "=", key.certificate.token_id)
      .executeTakeFirstOrThrow();
    expect(token.bound_user_id).toBeNull();
    const associations = await t.ctx.database.db
      .selectFrom("associations")
      .select("platform_id")
      .where("certificate_id", "=", key.certificate.id)
      .execute();
    expect(associations).toHaveLength(2);
    const login = await caLogin(new ApiClient(t.app), key);
    expect(login.json()).toMatchObject({ status: "binding_required" });
  });

  it("buildBoundToken: a main key makes its new user the enterprise's administrator, and logs in", async () => {
    const enterprise = await buildEnterprise(t.ctx);
    const key = await buildBoundToken(t.ctx, { profile: organizationProfile(enterprise) });
    expect(await identitiesOf(key.user.id)).toEqual([
      { enterprise_id: enterprise.id, role: "admin", status: "active" },
    ]);
    const login = await caLogin(new ApiClient(t.app), key);
    expect(login.json()).toMatchObject({ status: "logged_in", user: { id: key.user.id } });
  });

  it("buildUser and buildIdentity: an account and a role in an enterprise, without a key", async () => {
    const user = await buildUser(t.ctx);
    const enterprise = await buildEnterprise(t.ctx, newEnterprise());
    await buildIdentity(t.ctx, { userId: user.id, enterpriseId: enterprise.id, role: "project_lead" });
    expect(await identitiesOf(user.id)).toEqual([
      { enterprise_id: enterprise.id, role: "project_lead", status: "active" },
    ]);
  });
});
