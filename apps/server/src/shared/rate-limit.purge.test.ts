import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/support/test-database";
import type { DatabaseHandle } from "../db/database";
import { DAY, HOUR, hitRateLimit, MINUTE, purgeStaleRateLimits } from "./rate-limit";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const windows = [{ ms: DAY, max: 10, label: "每天最多 10 次" }];
const hit = (subject: string, at: Date) =>
  database.db
    .transaction()
    .execute((trx) => hitRateLimit(trx, { bucket: "purge-test", subject, windows, now: at, code: "RATE_LIMITED" }));
const rows = async () => ({
  hits: (await database.db.selectFrom("rate_limit_hits").select("subject").where("bucket", "=", "purge-test").execute())
    .map((r) => r.subject)
    .sort(),
  subjects: (
    await database.db.selectFrom("rate_limit_subjects").select("subject").where("bucket", "=", "purge-test").execute()
  )
    .map((r) => r.subject)
    .sort(),
});

describe("purging the rate-limit tables", () => {
  it("drops hits and subjects older than the longest window, keeps recent ones and a running back-off", async () => {
    const now = new Date();
    await hit("old", new Date(now.getTime() - DAY - HOUR));
    await hit("recent", new Date(now.getTime() - 23 * HOUR));
    await hit("blocked", new Date(now.getTime() - DAY - HOUR));
    await database.db
      .updateTable("rate_limit_subjects")
      .set({ failures: 12, blocked_until: new Date(now.getTime() + 10 * MINUTE).toISOString() })
      .where("subject", "=", "blocked")
      .execute();

    await purgeStaleRateLimits(database.db, now);

    expect(await rows()).toEqual({ hits: ["recent"], subjects: ["blocked", "recent"] });
  });

  it("counts a day's window the same after a purge", async () => {
    const now = new Date(Date.now() + 2 * DAY);
    for (let i = 0; i < 10; i++) await hit("full", new Date(now.getTime() - (i + 1) * HOUR));
    await purgeStaleRateLimits(database.db, now);
    await expect(hit("full", now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
