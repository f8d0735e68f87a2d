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
