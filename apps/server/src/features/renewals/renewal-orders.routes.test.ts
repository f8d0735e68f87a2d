import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, errorCode, expectError } from "../../../test/support/api-client";
import {
  buildBoundToken,
  buildMemberCertificate,
  buildRenewingEnterprise,
  completeProfile,
  newEnterprise,
  organizationProfile,
  personalProfile,
} from "../../../test/support/factories";
import { signedIn } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";
import { systemActor } from "../policy/actor";

const SIX = ["ln-jsgc", "ln-ztbjg", "ln-zfcg", "sy-ggzy", "dl-ggzy", "as-ggzy"];
const EIGHT = [...SIX, "jz-ggzy", "cy-ggzy"];

let t: TestApp;
const clock = new TestClock(new Date("2026-11-30T02:00:00Z"));
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true, clock });
});
afterAll(() => t?.close());

/** A ready enterprise, its administrator signed in, and two project leads' certificates (guide's 刘洋, 徐静). */
async function renewingEnterprise() {
  const ready = await buildRenewingEnterprise(t.ctx, { platformCodes: ["ln-jsgc", "ln-ggzy"] });
  const admin = await signedIn(t, ready.admin);
  const liu = await buildMemberCertificate(t.ctx, ready.enterprise, { holderName: "刘洋", platformCodes: EIGHT });
  const xu = await buildMemberCertificate(t.ctx, ready.enterprise, { holderName: "徐静", platformCodes: SIX });
  return { ...ready, client: admin, liu: liu.certificate.id, xu: xu.certificate.id };
}

const order = (client: ApiClient, items: { certificateId: string; platformCodes: string[] }[], key?: string) =>
  client.post("/api/v1/renewal-orders", { items }, key ? { headers: { "idempotency-key": key } } : {});

describe("renewal orders (J5)", () => {
  it("says plainly what stands in the way: 个人信息未完善, 企业信息未审核通过", async () => {
    const enterprise = newEnterprise();
    const admin = await buildBoundToken(t.ctx, { profile: organizationProfile(enterprise) });
    const client = await signedIn(t, admin);
    const listed = await client.get("/api/v1/renewals/certificates");
    expect(listed.statusCode).toBe(200);
    expect(listed.json().blockers.map((b: { code: string }) => b.code)).toEqual([
      "PROFILE_INCOMPLETE",
      "ENTERPRISE_NOT_APPROVED",
    ]);
    expect(listed.json().blockers[1].link).toBe("/center/enterprise");
    const refused = await order(client, [{ certificateId: admin.certificate.id, platformCodes: ["ln-jsgc"] }]);
    expectError(refused, 409, "RENEWAL_PROFILE_INCOMPLETE");
    await completeProfile(t.ctx, admin.user.id);
    const stillRefused = await order(client, [{ certificateId: admin.certificate.id, platformCodes: ["ln-jsgc"] }]);
    expectError(stillRefused, 409, "RENEWAL_ENTERPRISE_NOT_APPROVED");
  });

  it("prices on the server from the catalog (300 + 400 = 700) and keeps the price when the catalog changes", async () => {
    const e = await renewingEnterprise();
    const listed = (await e.client.get("/api/v1/renewals/certificates")).json();
    expect(listed.blockers).toEqual([]);
    const liu = listed.items.find((i: { certificateId: string }) => i.certificateId === e.liu);
    expect(liu).toMatchObject({ holderName: "刘洋", categoryCode: "project_lead", openOrderId: null });
    expect(liu.platformCodes.sort()).toEqual([...EIGHT].sort());
    expect(listed.items).toHaveLength(3);

    const created = await order(e.client, [
      { certificateId: e.liu, platformCodes: SIX },
      { certificateId: e.xu, platformCodes: EIGHT },
    ]);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.orderNo).toMatch(/^PL20261130\d{6}$/);
    expect(body.status).toBe("pending_payment");
    expect(body.totalFen).toBe(70_000);
    expect(body.items.map((i: { priceFen: number }) => i.priceFen)).toEqual([30_000, 40_000]);
    const liuItem = body.items[0];
    expect(liuItem.previousPlatformCodes.sort()).toEqual([...EIGHT].sort());
    expect(liuItem.platforms.map((p: { code: string }) => p.code).sort()).toEqual([...SIX].sort());

    await t.ctx.database.db.updateTable("platforms").set({ fee_fen: 9_900 }).where("code", "=", "ln-jsgc").execute();
    const again = (await e.client.get(`/api/v1/renewal-orders/${body.id}`)).json();
    expect(again.totalFen).toBe(70_000);
    expect(again.items[0].platforms.find((p: { code: string }) => p.code === "ln-jsgc").feeFen).toBe(5_000);
    await t.ctx.database.db.updateTable("platforms").set({ fee_fen: 5_000 }).where("code", "=", "ln-jsgc").execute();
  });

  it("a certificate is in at most one open order: the refusal names the order, the list shows it", async () => {
    const e = await renewingEnterprise();
    const first = (await order(e.client, [{ certificateId: e.liu, platformCodes: SIX }])).json();
    const second = await order(e.client, [
      { certificateId: e.xu, platformCodes: SIX },
      { certificateId: e.liu, platformCodes: EIGHT },
    ]);
    expectError(second, 409, "RENEWAL_CERTIFICATE_IN_OPEN_ORDER");
    expect(second.json().error.details).toEqual({ certificateId: e.liu, orderId: first.id, orderNo: first.orderNo });
    expect(second.json().error.message).toContain(first.orderNo);
    const listed = (await e.client.get("/api/v1/renewals/certificates")).json();
    const liu = listed.items.find((i: { certificateId: string }) => i.certificateId === e.liu);
    expect(liu).toMatchObject({ openOrderId: first.id, openOrderNo: first.orderNo });
    // Nothing of the refused order was kept: 徐静's certificate is still free.
    expect((await order(e.client, [{ certificateId: e.xu, platformCodes: SIX }])).statusCode).toBe(201);
  });

  it("holds under simultaneous submits: of ten orders for one certificate exactly one is made", async () => {
    const e = await renewingEnterprise();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => order(e.client, [{ certificateId: e.liu, platformCodes: SIX }])),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => errorCode(a) === "RENEWAL_CERTIFICATE_IN_OPEN_ORDER")).toHaveLength(9);
    const items = await t.ctx.database.db
      .selectFrom("renewal_items")
      .select("id")
      .where("certificate_id", "=", e.liu)
      .execute();
    expect(items).toHaveLength(1);
  });

  it("a retried submit with the same Idempotency-Key answers the same order, even at the same moment", async () => {
    const e = await renewingEnterprise();
    const key = `submit-${e.liu}`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => order(e.client, [{ certificateId: e.liu, platformCodes: SIX }], key)),
    );
    const ids = new Set(answers.map((a) => a.json().id));
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    expect(ids.size).toBe(1);
    const orders = await t.ctx.database.db
      .selectFrom("renewal_orders")
      .select("id")
      .where("idempotency_key", "=", key)
      .execute();
    expect(orders).toHaveLength(1);
  });

  it("order numbers are unique under simultaneous orders", async () => {
    const e = await renewingEnterprise();
    const more = await Promise.all(
      Array.from({ length: 8 }, (_, i) => buildMemberCertificate(t.ctx, e.enterprise, { holderName: `并发${i}` })),
    );
    const answers = await Promise.all(
      more.map((m) => order(e.client, [{ certificateId: m.certificate.id, platformCodes: ["ln-jsgc"] }])),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.json().orderNo)).size).toBe(8);
  });

  it("an unpaid order expires on time and frees its certificates; cancelling does too", async () => {
    const e = await renewingEnterprise();
    const made = (await order(e.client, [{ certificateId: e.liu, platformCodes: SIX }])).json();
    expect(await t.ctx.renewalOrders.expireDue(systemActor)).toBe(0);
    clock.advance(2 * 3_600_000 + 1000);
    try {
      expect(await t.ctx.renewalOrders.expireDue(systemActor)).toBeGreaterThanOrEqual(1);
    } finally {
      clock.advance(-(2 * 3_600_000 + 1000));
    }
    const expired = (await e.client.get(`/api/v1/renewal-orders/${made.id}`)).json();
    expect(expired.status).toBe("expired");
    expect(expired.items[0].status).toBe("cancelled");
    expectError(await e.client.post(`/api/v1/renewal-orders/${made.id}/cancel`), 409, "ORDER_NOT_CANCELLABLE");

    const next = (await order(e.client, [{ certificateId: e.liu, platformCodes: SIX }])).json();
    const cancelled = await e.client.post(`/api/v1/renewal-orders/${next.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe("cancelled");
    expect((await order(e.client, [{ certificateId: e.liu, platformCodes: SIX }])).statusCode).toBe(201);
    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "in", [made.id, next.id])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "renewal_order.cancelled",
      "renewal_order.created",
      "renewal_order.created",
      "renewal_order.expired",
    ]);
  });

  it("a project lead renews only their own certificate and sees only their own orders", async () => {
    const e = await renewingEnterprise();
    const lead = await buildBoundToken(t.ctx, {
      profile: personalProfile({ categoryCode: "project_lead", enterprise: e.enterprise }),
      platformCodes: SIX,
    });
    await completeProfile(t.ctx, lead.user.id);
    const client = await signedIn(t, lead);
    const listed = (await client.get("/api/v1/renewals/certificates")).json();
    expect(listed.items.map((i: { certificateId: string }) => i.certificateId)).toEqual([lead.certificate.id]);
    expectError(
      await order(client, [{ certificateId: e.admin.certificate.id, platformCodes: SIX }]),
      404,
      "RENEWAL_CERTIFICATE_NOT_RENEWABLE",
    );
    const own = (await order(client, [{ certificateId: lead.certificate.id, platformCodes: SIX }])).json();
    const adminOrder = (await order(e.client, [{ certificateId: e.liu, platformCodes: SIX }])).json();
    const leadsList = (await client.get("/api/v1/renewal-orders")).json();
    expect(leadsList.items.map((o: { id: string }) => o.id)).toEqual([own.id]);
    const adminsList = (await e.client.get("/api/v1/renewal-orders?status=pending_payment")).json();
    expect(adminsList.items.map((o: { id: string }) => o.id).sort()).toEqual([own.id, adminOrder.id].sort());
    expect((await client.get(`/api/v1/renewal-orders/${adminOrder.id}`)).statusCode).toBe(403);
    expect((await e.client.get(`/api/v1/renewal-orders/${own.id}`)).statusCode).toBe(200);
  });

  it("refuses bad orders with a code: no certificate, no platform, unknown platform, the same certificate twice", async () => {
    const e = await renewingEnterprise();
    expectError(await order(e.client, []), 400, "VALIDATION_FAILED");
    expectError(await order(e.client, [{ certificateId: e.liu, platformCodes: [] }]), 400, "CATALOG_NO_PLATFORM");
    expectError(
      await order(e.client, [{ certificateId: e.liu, platformCodes: ["no-such"] }]),
      400,
      "CATALOG_UNKNOWN_PLATFORM",
    );
    expectError(
      await order(e.client, [
        { certificateId: e.liu, platformCodes: SIX },
        { certificateId: e.liu, platformCodes: SIX },
      ]),
      400,
      "RENEWAL_CERTIFICATE_REPEATED",
    );
    const listed = (await e.client.get("/api/v1/renewals/certificates")).json();
    expect(listed.items.every((i: { openOrderId: string | null }) => i.openOrderId === null)).toBe(true);
  });
});
