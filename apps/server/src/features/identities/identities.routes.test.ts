/**
 * 【切换身份】 and 人员管理 (J2) through the API, on SQLite and PostgreSQL: applying, the administrator's and the
 * operator's decisions (audited, announced by SMS), switching, and decisions racing each other.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError, staffClient } from "../../../test/support/api-client";
import {
  buildBoundToken,
  buildEnterprise,
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
} from "../../../test/support/factories";
import { makeResidentId, makeUscc, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser, lastSmsTo, signedIn } from "../../../test/support/journeys";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

let t: TestApp;
let enterpriseA: { id: string; name: string; uscc: string };
let adminA: ApiClient;
let adminB: ApiClient;
let operator: ApiClient;

/** A new person with a personal key and a session (their only identity: 个人). */
async function newPerson(): Promise<{ client: ApiClient; userId: string; mobile: string }> {
  const key = await buildBoundToken(t.ctx, { profile: personalProfile({ categoryCode: "cost_engineer" }) });
  return { client: await signedIn(t, key), userId: key.user.id, mobile: key.user.mobile };
}

async function applyFor(client: ApiClient, role: string, enterprise = enterpriseA) {
  return client.post("/api/v1/identities", {
    kind: "enterprise",
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
    role,
  });
}

async function sessionUser(client: ApiClient) {
  return (await client.get("/api/v1/auth/session")).json().user as {
    currentIdentityId: string | null;
    identities: { id: string; role: string; status: string; enterpriseId: string | null }[];
  };
}

const lastSms = (mobile: string) => lastSmsTo(t.ctx, mobile);

async function auditOf(identityId: string) {
  const rows = await t.ctx.database.db
    .selectFrom("audit_log")
    .select(["action", "actor_kind"])
    .where("entity_kind", "=", "identity")
    .where("entity_id", "=", identityId)
    .orderBy("at")
    .execute();
  return rows.map((r) => `${r.actor_kind}:${r.action}`);
}

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  const a = newEnterprise();
  const b = newEnterprise();
  const [mainA, mainB] = await Promise.all([
    issueKey(t.ctx, organizationProfile(a)),
    issueKey(t.ctx, organizationProfile(b)),
  ]);
  const admin = (name: string) => ({ mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name });
  adminA = await boundUser(t, mainA, admin("王建国"));
  adminB = await boundUser(t, mainB, admin("李四"));
  operator = await staffClient(t, "operator");
  enterpriseA = await t.ctx.database.db
    .selectFrom("enterprises")
    .select(["id", "name", "uscc"])
    .where("uscc", "=", a.uscc)
    .executeTakeFirstOrThrow();
});
afterAll(() => t?.close());

describe("POST /api/v1/identities (新增身份)", () => {
  it("files a project-lead application that waits for the administrator, and refuses it twice", async () => {
    const { client } = await newPerson();
    const response = await applyFor(client, "project_lead");
    expect(response.statusCode).toBe(201);
    const { identity } = response.json();
    expect(identity).toMatchObject({ role: "project_lead", status: "pending", enterpriseId: enterpriseA.id });
    expect((await sessionUser(client)).identities.map((i) => i.status)).toContain("pending");
    expect(await auditOf(identity.id)).toEqual(["user:identity.applied"]);
    expectError(await applyFor(client, "project_lead"), 409, "IDENTITY_ALREADY_HELD");
    expectError(await client.post(`/api/v1/identities/${identity.id}/switch`), 409, "IDENTITY_NOT_ACTIVE");
  });

  it("checks the USCC's check character, the enterprise's name, and that the enterprise is on record", async () => {
    const { client } = await newPerson();
    const bad = `${enterpriseA.uscc.slice(0, 17)}${enterpriseA.uscc.endsWith("0") ? "1" : "0"}`;
    expectError(await applyFor(client, "authorized_agent", { ...enterpriseA, uscc: bad }), 400, "USCC_INVALID");
    expectError(
      await applyFor(client, "authorized_agent", { ...enterpriseA, name: "别的公司" }),
      400,
      "IDENTITY_ENTERPRISE_NAME_MISMATCH",
    );
    const unknown = { id: "", name: "尚未登记的公司", uscc: makeUscc(nextSeq()) };
    expectError(await applyFor(client, "project_lead", unknown), 404, "IDENTITY_ENTERPRISE_UNKNOWN");
    expectError(
      await client.post("/api/v1/identities", { kind: "enterprise", role: "admin" }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("refuses an administrator application where the enterprise has one", async () => {
    const { client } = await newPerson();
    expectError(await applyFor(client, "admin"), 409, "ENTERPRISE_HAS_ADMIN");
  });

  it("gives the personal role at once (个人角色)", async () => {
    const lead = await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", enterprise: enterpriseA }));
    const client = await boundUser(t, lead, { mobile: nextMobile() });
    const response = await client.post("/api/v1/identities", { kind: "personal" });
    expect(response.statusCode).toBe(201);
    expect(response.json().identity).toMatchObject({ role: "individual", status: "active", enterpriseId: null });
    expectError(await client.post("/api/v1/identities", { kind: "personal" }), 409, "IDENTITY_ALREADY_HELD");
  });
});

describe("人员管理: the administrator decides, the person switches", () => {
  it("lists the enterprise's people with their identities and certificates, for its administrator only", async () => {
    const { client } = await newPerson();
    await applyFor(client, "authorized_agent");
    const response = await adminA.get(`/api/v1/enterprises/${enterpriseA.id}/people?page=1&pageSize=50`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBeGreaterThanOrEqual(2);
    const admin = body.items.find((p: { name: string }) => p.name === "王建国");
    expect(admin.identities.map((i: { role: string }) => i.role)).toEqual(["admin"]);
    expect(admin.certificates).toHaveLength(1);
    expect(admin.mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(body.items.some((p: { identities: { status: string }[] }) => p.identities[0]?.status === "pending")).toBe(
      true,
    );
    expectError(await adminB.get(`/api/v1/enterprises/${enterpriseA.id}/people`), 403, "FORBIDDEN");
    expectError(await client.get(`/api/v1/enterprises/${enterpriseA.id}/people`), 403, "FORBIDDEN");
  });

  it("approves: audited, announced by SMS; the person switches to it without a new login", async () => {
    const person = await newPerson();
    const { identity } = (await applyFor(person.client, "project_lead")).json();
    expectError(await adminB.post(`/api/v1/identities/${identity.id}/approve`), 403, "FORBIDDEN");
    expectError(await person.client.post(`/api/v1/identities/${identity.id}/approve`), 403, "FORBIDDEN");
    const approved = await adminA.post(`/api/v1/identities/${identity.id}/approve`);
    expect(approved.json()).toEqual({ id: identity.id, status: "active" });
    expect(await auditOf(identity.id)).toEqual(["user:identity.applied", "user:identity.approved"]);
    expect(await lastSms(person.mobile)).toEqual({
      template: "identity_decision",
      content: `【辽宁网联】您在${enterpriseA.name}的项目负责人身份申请已审核通过。`,
    });

    expectError(await person.client.get(`/api/v1/enterprises/${enterpriseA.id}`), 403, "FORBIDDEN");
    expectError(await adminA.post(`/api/v1/identities/${identity.id}/switch`), 403, "FORBIDDEN");
    const switched = await person.client.post(`/api/v1/identities/${identity.id}/switch`);
    expect(switched.statusCode).toBe(200);
    expect(switched.json().user.currentIdentityId).toBe(identity.id);
    expect((await sessionUser(person.client)).currentIdentityId).toBe(identity.id);
    expect((await person.client.get(`/api/v1/enterprises/${enterpriseA.id}`)).statusCode).toBe(200);

    // Removed: the session no longer speaks for the enterprise.
    const removed = await adminA.post(`/api/v1/identities/${identity.id}/remove`);
    expect(removed.json()).toEqual({ id: identity.id, status: "revoked" });
    expect((await lastSms(person.mobile))?.content).toContain("项目负责人身份已被移除");
    expectError(await person.client.get(`/api/v1/enterprises/${enterpriseA.id}`), 403, "FORBIDDEN");
    expect(await auditOf(identity.id)).toContain("user:identity.removed");
  });

  it("rejects only with a reason, which the SMS carries", async () => {
    const person = await newPerson();
    const { identity } = (await applyFor(person.client, "authorized_agent")).json();
    expectError(await adminA.post(`/api/v1/identities/${identity.id}/reject`, {}), 400, "VALIDATION_FAILED");
    expectError(
      await adminA.post(`/api/v1/identities/${identity.id}/reject`, { reason: " " }),
      400,
      "VALIDATION_FAILED",
    );
    const rejected = await adminA.post(`/api/v1/identities/${identity.id}/reject`, { reason: "非本单位人员" });
    expect(rejected.json()).toEqual({ id: identity.id, status: "rejected" });
    expect((await lastSms(person.mobile))?.content).toBe(
      `【辽宁网联】您在${enterpriseA.name}的授权委托人身份申请未通过，原因：非本单位人员。`,
    );
    const row = await t.ctx.database.db
      .selectFrom("identities")
      .select(["decision_reason", "decided_at"])
      .where("id", "=", identity.id)
      .executeTakeFirstOrThrow();
    expect(row.decision_reason).toBe("非本单位人员");
    expect(row.decided_at).not.toBeNull();
    expectError(await adminA.post(`/api/v1/identities/${identity.id}/approve`), 409, "STATE_CONFLICT");
  });

  it("keeps the administrator's own identity, and lets a person give up theirs", async () => {
    const admin = (await sessionUser(adminA)).currentIdentityId as string;
    expectError(await adminA.post(`/api/v1/identities/${admin}/remove`), 409, "IDENTITY_ADMIN_NOT_REMOVABLE");
    const person = await newPerson();
    const { identity } = (await applyFor(person.client, "project_lead")).json();
    const withdrawn = await person.client.post(`/api/v1/identities/${identity.id}/remove`);
    expect(withdrawn.json()).toEqual({ id: identity.id, status: "rejected" });
  });

  it("of two decisions on one identity at once, one wins and the other is STATE_CONFLICT", async () => {
    const person = await newPerson();
    const { identity } = (await applyFor(person.client, "project_lead")).json();
    const answers = await Promise.all([
      adminA.post(`/api/v1/identities/${identity.id}/approve`),
      adminA.post(`/api/v1/identities/${identity.id}/reject`, { reason: "重复申请" }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().error.code).toBe("STATE_CONFLICT");
    const decisions = (await auditOf(identity.id)).filter((a) => a !== "user:identity.applied");
    expect(decisions).toHaveLength(1);
    const sms = await t.ctx.database.db
      .selectFrom("sms_messages")
      .select("id")
      .where("mobile", "=", person.mobile)
      .where("template", "=", "identity_decision")
      .execute();
    expect(sms).toHaveLength(1);
  });
});

describe("administrator applications (the operator decides)", () => {
  it("creates the enterprise with the first application; the operator approves one administrator", async () => {
    const fresh = { id: "", name: `新申请企业${nextSeq()}`, uscc: makeUscc(nextSeq()) };
    const first = await newPerson();
    const applied = await applyFor(first.client, "admin", fresh);
    expect(applied.statusCode).toBe(201);
    const { identity } = applied.json();
    expect(identity.status).toBe("pending");
    const enterprise = await t.ctx.database.db
      .selectFrom("enterprises")
      .select(["id", "name"])
      .where("uscc", "=", fresh.uscc)
      .executeTakeFirstOrThrow();
    expect(enterprise).toEqual({ id: identity.enterpriseId, name: fresh.name });

    const queue = (await operator.get("/api/v1/console/admin-applications?pageSize=100")).json();
    expect(queue.items.map((a: { identityId: string }) => a.identityId)).toContain(identity.id);
    const reviewer = await staffClient(t, "reviewer");
    expectError(await reviewer.get("/api/v1/console/admin-applications"), 403, "FORBIDDEN");
    expectError(await first.client.post(`/api/v1/identities/${identity.id}/approve`), 403, "FORBIDDEN");

    const approved = await operator.post(`/api/v1/console/admin-applications/${identity.id}/approve`);
    expect(approved.json()).toEqual({ id: identity.id, status: "active" });
    expect(await auditOf(identity.id)).toEqual(["user:identity.applied", "staff:identity.approved"]);
    expect((await lastSms(first.mobile))?.content).toContain("管理员身份申请已审核通过");
    const switched = await first.client.post(`/api/v1/identities/${identity.id}/switch`);
    expect(switched.statusCode).toBe(200);
    expect((await first.client.get(`/api/v1/enterprises/${enterprise.id}/people`)).statusCode).toBe(200);
  });

  it("refuses a project lead's application in the operator's queue, and rejects with a reason", async () => {
    const person = await newPerson();
    const lead = (await applyFor(person.client, "project_lead")).json().identity;
    expectError(
      await operator.post(`/api/v1/console/admin-applications/${lead.id}/approve`),
      404,
      "IDENTITY_NOT_FOUND",
    );
    const fresh = { id: "", name: `驳回企业${nextSeq()}`, uscc: makeUscc(nextSeq()) };
    const application = (await applyFor(person.client, "admin", fresh)).json().identity;
    const rejected = await operator.post(`/api/v1/console/admin-applications/${application.id}/reject`, {
      reason: "材料不符",
    });
    expect(rejected.json()).toEqual({ id: application.id, status: "rejected" });
  });

  it("approving one administrator turns down the enterprise's other applications, each told by SMS", async () => {
    const enterprise = await buildEnterprise(t.ctx);
    const target = { id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc };
    const [p1, p2] = await Promise.all([newPerson(), newPerson()]);
    const chosen = (await applyFor(p1.client, "admin", target)).json().identity.id;
    const other = (await applyFor(p2.client, "admin", target)).json().identity.id;
    expect((await operator.post(`/api/v1/console/admin-applications/${chosen}/approve`)).statusCode).toBe(200);
    const queue = (await operator.get("/api/v1/console/admin-applications?pageSize=100")).json();
    expect(queue.items.map((a: { identityId: string }) => a.identityId)).not.toContain(other);
    expect(await auditOf(other)).toEqual(["user:identity.applied", "staff:identity.rejected"]);
    expect((await lastSms(p2.mobile))?.content).toContain("管理员身份申请未通过，原因：该企业已有管理员");
  });

  it("two applications for one enterprise approved at once: exactly one administrator", async () => {
    const enterprise = await buildEnterprise(t.ctx);
    const target = { id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc };
    const [p1, p2] = await Promise.all([newPerson(), newPerson()]);
    const ids = [
      (await applyFor(p1.client, "admin", target)).json().identity.id,
      (await applyFor(p2.client, "admin", target)).json().identity.id,
    ];
    const answers = await Promise.all(
      ids.map((id) => operator.post(`/api/v1/console/admin-applications/${id}/approve`)),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(["ENTERPRISE_HAS_ADMIN", "STATE_CONFLICT"]).toContain(
      answers.find((r) => r.statusCode === 409)?.json().error.code,
    );
    const admins = await t.ctx.database.db
      .selectFrom("identities")
      .select("id")
      .where("enterprise_id", "=", enterprise.id)
      .where("role", "=", "admin")
      .where("status", "=", "active")
      .execute();
    expect(admins).toHaveLength(1);
  });
});
