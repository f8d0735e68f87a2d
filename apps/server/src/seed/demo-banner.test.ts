import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app";
import { systemActor } from "../features/policy/actor";
import { bindTokenToUser, createUser } from "../features/users/accounts.service";
import { demoBanner } from "./demo-banner";
import { seedDemoIfEmpty } from "./seed-demo";

let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "lnca-banner-"));
  t = await createTestApp({ config: { dataDir } });
  await seedDemoIfEmpty(t.ctx);
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the demo start banner", () => {
  it("says who is bound as the database says, before and after 徐静 binds her key", async () => {
    const line = async () =>
      (await demoBanner(t.ctx.database.db, "http://localhost:3000")).split("\n").find((l) => l.includes("徐静"));
    expect(await line()).toBe("    · 徐静 · 项目负责人锁（首次登录需绑定）");

    const db = t.ctx.database.db;
    const certificate = await db
      .selectFrom("certificates")
      .selectAll()
      .where("holder_name", "=", "徐静")
      .executeTakeFirstOrThrow();
    const now = t.ctx.clock.now();
    await db.transaction().execute(async (trx) => {
      const userId = await createUser(trx, systemActor, {
        mobile: "13900000003",
        name: "徐静",
        idNumber: null,
        via: "test",
        now,
      });
      await bindTokenToUser(trx, systemActor, { certificate, userId, now });
    });
    expect(await line()).toBe("    · 徐静 · 项目负责人锁（已绑定 13900000003）");
  });
});

describe("the demo seed's personal information", () => {
  it("王演示 is 已完善 (both scans uploaded, ID number sealed); 刘洋 is 未完善", async () => {
    const db = t.ctx.database.db;
    const userOf = (mobile: string) =>
      db.selectFrom("users").selectAll().where("mobile", "=", mobile).executeTakeFirstOrThrow();
    const wang = await userOf("13800000001");
    const profile = await t.ctx.profiles.read({ kind: "user", userId: wang.id }, wang.id);
    expect(profile).toMatchObject({ status: "complete", missing: [], name: "王演示", idNumber: "210102198001011232" });
    expect(wang.id_number_sealed).not.toContain("210102198001011232");
    const liu = await userOf("13800000002");
    expect((await t.ctx.profiles.read({ kind: "user", userId: liu.id }, liu.id)).missing).toEqual([
      "email",
      "idCardFront",
      "idCardBack",
    ]);
  });
});

describe("the demo seed's enterprise information", () => {
  it("演示测试企业 is 审核通过; one enterprise waits in the queue with its licence read; one is 审核不通过 with the opinion", async () => {
    const status = async (name: string) =>
      t.ctx.database.db
        .selectFrom("enterprises")
        .innerJoin("enterprise_revisions as r", "r.enterprise_id", "enterprises.id")
        .select([
          "enterprises.id",
          "enterprises.approved_revision_id",
          "r.id as revision_id",
          "r.status",
          "r.review_opinion",
        ])
        .where("enterprises.name", "=", name)
        .executeTakeFirstOrThrow();
    const demo = await status("演示测试企业");
    expect(demo).toMatchObject({ status: "approved", approved_revision_id: demo.revision_id });
    const rejected = await status("大连示范监理咨询有限公司");
    expect(rejected.status).toBe("rejected");
    expect(rejected.review_opinion).toContain("公章");
    const queue = await t.ctx.enterpriseReviews.queue({ status: "pending_review" });
    expect(queue.items.map((i) => i.enterpriseName)).toEqual(["沈阳示范建筑工程有限公司"]);
    const detail = await t.ctx.enterpriseReviews.detail(queue.items[0]?.revisionId ?? "");
    // The licence prints 壹仟贰佰万元整 where 1,000 万元 was entered: read from the picture, one row is red.
    const rows = Object.fromEntries((detail.revision.recognition?.rows ?? []).map((r) => [r.field, r.same]));
    expect(rows).toEqual({
      name: true,
      uscc: true,
      legalRepresentative: true,
      address: true,
      registeredCapital: false,
    });
    expect(detail.revision.recognition?.fields.registeredCapital).toBe("壹仟贰佰万元整");
  });
});
