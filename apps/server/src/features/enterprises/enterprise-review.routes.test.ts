/**
 * 审核队列 through the API, on SQLite and PostgreSQL: the queue in submission order with its age in working
 * days, one reviewer per revision (claims racing), approve / reject with 处理意见 announced by SMS, revisions
 * versioned (a rejected one kept, the approved one in force until the next is approved), every decision audited.
 */
import type { EnterpriseInformation, ReviewDetail, ReviewQueueItem } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError, staffClient } from "../../../test/support/api-client";
import {
  adminActor,
  basicInfoFor,
  buildSubmittedRevision,
  issueKey,
  newEnterprise,
  organizationProfile,
} from "../../../test/support/factories";
import { makeResidentId, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser, lastSmsTo } from "../../../test/support/journeys";
import { createTestApp, type TestApp, TestClock } from "../../../test/support/test-app";

let t: TestApp;
let reviewer: ApiClient;
let otherReviewer: ApiClient;
let operator: ApiClient;
// Monday 2026-11-30 10:00 in Shenyang: a plain working week.
const clock = new TestClock(new Date("2026-11-30T02:00:00Z"));

interface Applicant {
  client: ApiClient;
  mobile: string;
  enterprise: { id: string; name: string; uscc: string };
  revisionId: string;
}

/** An administrator who has submitted their enterprise's information (待审核). */
async function submitted(): Promise<Applicant> {
  const enterprise = newEnterprise();
  const key = await issueKey(t.ctx, organizationProfile(enterprise));
  const mobile = nextMobile();
  const client = await boundUser(t, key, { mobile, idNumber: makeResidentId(nextSeq()), name: "王建国" });
  const user = (await client.get("/api/v1/auth/session")).json().user as {
    id: string;
    currentIdentityId: string;
  };
  const row = await t.ctx.database.db
    .selectFrom("enterprises")
    .select(["id", "name", "uscc"])
    .where("uscc", "=", enterprise.uscc)
    .executeTakeFirstOrThrow();
  const revisionId = await buildSubmittedRevision(t.ctx, adminActor(user.id, user.currentIdentityId, row.id), {
    ...enterprise,
    id: row.id,
  });
  return { client, mobile, enterprise: row, revisionId };
}

const review = (id: string, action = "") => `/api/v1/console/enterprise-reviews/${id}${action}`;

const lastSms = (mobile: string) => lastSmsTo(t.ctx, mobile);

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true, clock });
  [reviewer, otherReviewer, operator] = await Promise.all([
    staffClient(t, "reviewer"),
    staffClient(t, "reviewer"),
    staffClient(t, "operator"),
  ]);
});
afterAll(() => t.close());

describe("the queue", () => {
  it("lists submitted revisions oldest first, with their age in working days against the one-day target", async () => {
    const first = await submitted();
    clock.advance(60_000);
    const second = await submitted();
    const res = await reviewer.get("/api/v1/console/enterprise-reviews?pageSize=100");
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as {
      items: ReviewQueueItem[];
      total: number;
    };
    const ids = page.items.map((i) => i.revisionId);
    expect(ids.indexOf(first.revisionId)).toBeLessThan(ids.indexOf(second.revisionId));
    expect(page.items.find((i) => i.revisionId === first.revisionId)).toMatchObject({
      enterpriseName: first.enterprise.name,
      number: 1,
      workingDaysWaiting: 0,
      overdue: false,
      isChange: false,
      claim: null,
    });
  });

  it("is for reviewers only", async () => {
    expectError(await operator.get("/api/v1/console/enterprise-reviews"), 403, "FORBIDDEN");
  });
});

describe("claiming", () => {
  it("of reviewers claiming at once exactly one wins; the other is told who holds it and cannot decide", async () => {
    const a = await submitted();
    const results = await Promise.all([reviewer, otherReviewer].map((r) => r.post(review(a.revisionId, "/claim"))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results[0]?.statusCode === 409 ? reviewer : otherReviewer;
    expect(results.find((r) => r.statusCode === 409)?.json().error.code).toBe("REVIEW_CLAIMED_BY_OTHER");
    expectError(await loser.post(review(a.revisionId, "/approve")), 403, "FORBIDDEN");
  });

  it("a decision needs a claim", async () => {
    const a = await submitted();
    expectError(await reviewer.post(review(a.revisionId, "/approve")), 409, "REVIEW_NOT_CLAIMED");
  });
});

describe("deciding", () => {
  it("rejects with a required 处理意见, kept on the rejected revision; the fix is a new revision; approval brings it into force", async () => {
    const a = await submitted();
    const base = `/api/v1/enterprises/${a.enterprise.id}/information`;
    await reviewer.post(review(a.revisionId, "/claim"));
    expectError(await reviewer.post(review(a.revisionId, "/reject"), { opinion: "" }), 400, "VALIDATION_FAILED");
    const rejected = await reviewer.post(review(a.revisionId, "/reject"), { opinion: "营业执照扫描件不清晰" });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((rejected.json() as ReviewDetail).revision).toMatchObject({
      status: "rejected",
      reviewOpinion: "营业执照扫描件不清晰",
    });
    expect(await lastSms(a.mobile)).toMatchObject({
      template: "enterprise_review_decision",
      content: expect.stringContaining("审核不通过，处理意见：营业执照扫描件不清晰"),
    });
    const seen = (await a.client.get(base)).json() as EnterpriseInformation;
    expect(seen).toMatchObject({ status: "rejected", canEdit: true, inForce: null });
    expect(seen.latest?.reviewOpinion).toBe("营业执照扫描件不清晰");

    // 【编辑企业信息】: a new draft, a copy of the rejected one, which stays as it was decided.
    const fixed = await a.client.request(
      "PUT",
      `${base}/draft/basic`,
      basicInfoFor(a.enterprise, { address: "辽宁省沈阳市和平区新地址 8 号" }),
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    const draft = (fixed.json() as EnterpriseInformation).latest;
    expect(draft).toMatchObject({ number: 2, status: "draft", missing: [] });
    expect(draft?.attachments.businessLicence).not.toBeNull();
    const resubmitted = await a.client.post(`${base}/draft/submit`);
    expect(resubmitted.json()).toMatchObject({ status: "pending_review" });
    const old = (await reviewer.get(review(a.revisionId))).json() as ReviewDetail;
    expect(old.revision).toMatchObject({ status: "rejected", reviewOpinion: "营业执照扫描件不清晰" });
    expect(old.revision.basic?.address).toBe("辽宁省沈阳市和平区南京北街 1 号");

    const secondId = draft?.id ?? "";
    await reviewer.post(review(secondId, "/claim"));
    const detail = (await reviewer.get(review(secondId))).json() as ReviewDetail;
    expect(detail.history.map((h) => [h.number, h.status, h.reviewOpinion])).toEqual([
      [1, "rejected", "营业执照扫描件不清晰"],
    ]);
    const approved = await reviewer.post(review(secondId, "/approve"));
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await lastSms(a.mobile)).toMatchObject({ content: expect.stringContaining("审核通过") });
    const now = (await a.client.get(base)).json() as EnterpriseInformation;
    expect(now).toMatchObject({ status: "approved" });
    expect(now.inForce?.id).toBe(secondId);
    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_kind"])
      .where("entity_id", "in", [a.revisionId, secondId])
      .where("action", "like", "enterprise.revision_%")
      .orderBy("at")
      .execute();
    expect(audit.map((r) => `${r.actor_kind}:${r.action}`)).toEqual(
      expect.arrayContaining([
        "staff:enterprise.revision_rejected",
        "user:enterprise.revision_submitted",
        "staff:enterprise.revision_approved",
      ]),
    );
  });

  it("an approved enterprise that is edited keeps its approved revision in force until the change is approved; the reviewer sees what changed", async () => {
    const a = await submitted();
    const base = `/api/v1/enterprises/${a.enterprise.id}/information`;
    await reviewer.post(review(a.revisionId, "/claim"));
    await reviewer.post(review(a.revisionId, "/approve"));
    // 【编辑企业信息】 opens on the information in force; only 注册资本 is changed.
    const inForce = ((await a.client.get(base)).json() as EnterpriseInformation).inForce?.basic;
    const edit = await a.client.request("PUT", `${base}/draft/basic`, {
      ...inForce,
      registeredCapitalFen: 800_000_000,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const pending = (await a.client.post(`${base}/draft/submit`)).json() as EnterpriseInformation;
    expect(pending.status).toBe("pending_review");
    expect(pending.inForce?.id).toBe(a.revisionId);
    const changeId = pending.latest?.id ?? "";
    await reviewer.post(review(changeId, "/claim"));
    const detail = (await reviewer.get(review(changeId))).json() as ReviewDetail;
    expect(detail.changes).toEqual([
      { field: "registeredCapital", label: "注册资本", before: "5000000 元", after: "8000000 元" },
    ]);
    const queue = (await reviewer.get(`/api/v1/console/enterprise-reviews?search=${a.enterprise.uscc}`)).json() as {
      items: ReviewQueueItem[];
    };
    expect(queue.items[0]?.isChange).toBe(true);
    await reviewer.post(review(changeId, "/approve"));
    const after = (await a.client.get(base)).json() as EnterpriseInformation;
    expect(after.inForce?.id).toBe(changeId);
    const first = await t.ctx.database.db
      .selectFrom("enterprise_revisions")
      .select("status")
      .where("id", "=", a.revisionId)
      .executeTakeFirstOrThrow();
    expect(first.status).toBe("superseded");
  });

  it("two decisions at once: one is made, the other refused; one SMS", async () => {
    const a = await submitted();
    await reviewer.post(review(a.revisionId, "/claim"));
    const results = await Promise.all([
      reviewer.post(review(a.revisionId, "/approve")),
      reviewer.post(review(a.revisionId, "/reject"), { opinion: "信息不符" }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const sms = await t.ctx.database.db
      .selectFrom("sms_messages")
      .select("id")
      .where("mobile", "=", a.mobile)
      .where("template", "=", "enterprise_review_decision")
      .execute();
    expect(sms).toHaveLength(1);
  });

  it("the reviewer opens the ID scans (audited) and reads the ID number in full", async () => {
    const a = await submitted();
    const detail = (await reviewer.get(review(a.revisionId))).json() as ReviewDetail;
    expect(detail.revision.basic?.legalRepresentativeIdNumber).toMatch(/^\d{17}[\dX]$/);
    const scan = await reviewer.get(review(a.revisionId, "/attachments/legalRepresentativeIdBack"));
    expect(scan.statusCode).toBe(200);
    expect(scan.headers["content-type"]).toBe("image/png");
    const views = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("actor_kind")
      .where("entity_id", "=", a.revisionId)
      .where("action", "=", "enterprise.attachment_viewed")
      .execute();
    expect(views.map((v) => v.actor_kind)).toEqual(["staff"]);
  });
});

describe("the age of a submission", () => {
  // Last: it moves the clock two days on, past the console sessions' lifetime.
  it("is past the one-working-day target two working days after it was submitted", async () => {
    const a = await submitted();
    clock.advance(2 * 86_400_000 + 2 * 3_600_000);
    const fresh = await staffClient(t, "reviewer");
    const later = (await fresh.get(`/api/v1/console/enterprise-reviews?search=${a.enterprise.uscc}`)).json() as {
      items: ReviewQueueItem[];
    };
    expect(later.items).toHaveLength(1);
    expect(later.items[0]).toMatchObject({ workingDaysWaiting: 2, overdue: true });
  });

  it("a claim left undecided for four hours lapses: another reviewer takes the revision over", async () => {
    const a = await submitted();
    const [first, second] = await Promise.all([staffClient(t, "reviewer"), staffClient(t, "reviewer")]);
    expect((await first.post(review(a.revisionId, "/claim"))).statusCode).toBe(200);
    expectError(await second.post(review(a.revisionId, "/claim")), 409, "REVIEW_CLAIMED_BY_OTHER");
    clock.advance(4 * 3_600_000 + 60_000);
    expect(((await second.get(review(a.revisionId))).json() as ReviewDetail).claim).toBeNull();
    const takeover = await second.post(review(a.revisionId, "/claim"));
    expect(takeover.statusCode, takeover.body).toBe(200);
    expectError(await first.post(review(a.revisionId, "/approve")), 403, "FORBIDDEN");
    expect((await second.post(review(a.revisionId, "/approve"))).statusCode).toBe(200);
  });
});
