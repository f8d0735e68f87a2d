import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/test-database";
import type { DatabaseHandle } from "../../db/database";
import { enqueueJob } from "./outbox";
import { backoffMs, OutboxWorker } from "./outbox.worker";

/** This file's own job kinds, kept out of the app's map (OutboxJobs). */
interface TestJobs {
  "test.ok": { n: number };
  "test.rolled_back": Record<string, never>;
  "test.dedupe": Record<string, never>;
  "test.fail": Record<string, never>;
  "test.orphan": Record<string, never>;
  "test.taken_over": Record<string, never>;
}

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const jobsOf = (kind: string) => database.db.selectFrom("outbox_jobs").selectAll().where("kind", "=", kind).execute();

describe("outbox worker", () => {
  it("runs a job enqueued in a committed transaction exactly once", async () => {
    const seen: unknown[] = [];
    await database.db.transaction().execute((trx) => enqueueJob<TestJobs>(trx, "test.ok", { n: 1 }));
    const worker = new OutboxWorker<Partial<TestJobs>>(
      database,
      { "test.ok": async (p) => void seen.push(p) },
      pino({ level: "silent" }),
    );
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect((await jobsOf("test.ok"))[0]?.status).toBe("done");
  });

  it("never runs a job whose transaction rolled back", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueJob<TestJobs>(trx, "test.rolled_back", {});
        throw new Error("change refused");
      }),
    ).rejects.toThrow("change refused");
    expect(await jobsOf("test.rolled_back")).toHaveLength(0);
  });

  it("enqueues once per dedupe key", async () => {
    await enqueueJob<TestJobs>(database.db, "test.dedupe", {}, { dedupeKey: "same" });
    await enqueueJob<TestJobs>(database.db, "test.dedupe", {}, { dedupeKey: "same" });
    expect(await jobsOf("test.dedupe")).toHaveLength(1);
  });

  it("retries a failing job later with backoff, then gives up as dead", async () => {
    await enqueueJob<TestJobs>(database.db, "test.fail", {});
    await database.db.updateTable("outbox_jobs").set({ max_attempts: 2 }).where("kind", "=", "test.fail").execute();
    const worker = new OutboxWorker<Partial<TestJobs>>(
      database,
      { "test.fail": async () => Promise.reject(new Error("provider down")) },
      pino({ level: "silent" }),
    );
    const before = Date.now();
    await worker.runOnce();
    const [afterFirst] = await jobsOf("test.fail");
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, last_error: "provider down" });
    expect(new Date(afterFirst!.run_at).getTime()).toBeGreaterThanOrEqual(before + backoffMs(1) - 50);
    expect(await worker.runOnce()).toBe(0);
    await database.db
      .updateTable("outbox_jobs")
      .set({ run_at: new Date(0).toISOString() })
      .where("kind", "=", "test.fail")
      .execute();
    await worker.runOnce();
    expect((await jobsOf("test.fail"))[0]).toMatchObject({ status: "dead", attempts: 2 });
  });

  it("takes over a job whose worker died mid-run once its lease ran out", async () => {
    await enqueueJob<TestJobs>(database.db, "test.orphan", {});
    await database.db
      .updateTable("outbox_jobs")
      .set({ status: "running", locked_by: "dead-worker", locked_until: new Date(Date.now() - 1000).toISOString() })
      .where("kind", "=", "test.orphan")
      .execute();
    let runs = 0;
    const worker = new OutboxWorker<Partial<TestJobs>>(
      database,
      { "test.orphan": async () => void runs++ },
      pino({ level: "silent" }),
    );
    await worker.runOnce();
    expect(runs).toBe(1);
    expect((await jobsOf("test.orphan"))[0]?.status).toBe("done");
  });

  it("leaves a job whose lease another worker took over to that worker", async () => {
    await enqueueJob<TestJobs>(database.db, "test.taken_over", {});
    const takeOver = () =>
      database.db
        .updateTable("outbox_jobs")
        .set({ locked_by: "other-worker" })
        .where("kind", "=", "test.taken_over")
        .execute();
    const worker = new OutboxWorker<Partial<TestJobs>>(
      database,
      { "test.taken_over": async () => void (await takeOver()) },
      pino({ level: "silent" }),
    );
    expect(await worker.runOnce()).toBe(1);
    expect((await jobsOf("test.taken_over"))[0]).toMatchObject({ status: "running", locked_by: "other-worker" });
  });

  it("backs off exponentially and caps at an hour", () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([5_000, 10_000, 20_000]);
    expect(backoffMs(30)).toBe(3_600_000);
  });
});
