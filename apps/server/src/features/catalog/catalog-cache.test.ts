import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/test-database";
import type { DatabaseHandle } from "../../db/database";
import { UnitOfWork } from "../../db/unit-of-work";
import { systemActor } from "../policy/actor";
import { CatalogService } from "./catalog.service";
import { CatalogAdminService } from "./catalog-admin.service";
import { CatalogCache } from "./catalog-cache";

describe("CatalogCache", () => {
  it("serves a value until its TTL, then loads again", async () => {
    let now = 0;
    const cache = new CatalogCache(1000, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("k", load)).toBe(1);
    now = 999;
    expect(await cache.get("k", load)).toBe(1);
    now = 1000;
    expect(await cache.get("k", load)).toBe(2);
  });

  it("shares one load between concurrent misses and forgets a failed one", async () => {
    const cache = new CatalogCache(1000, () => 0);
    let loads = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5));
    expect(await Promise.all([cache.get("k", slow), cache.get("k", slow)])).toEqual([1, 1]);
    await expect(cache.get("bad", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache.get("bad", async () => "ok")).toBe("ok");
  });

  it("drops everything on invalidate, including a load still in flight", async () => {
    const cache = new CatalogCache(60_000, () => 0);
    let release: (v: string) => void = () => {};
    const inFlight = cache.get("k", () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate();
    const fresh = cache.get("k", async () => "new");
    release("old");
    expect(await inFlight).toBe("old");
    expect(await fresh).toBe("new");
    expect(await cache.get("k", async () => "newer")).toBe("new");
  });
});

describe("CatalogService on a database", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());
  const clock = { now: () => new Date() };

  it("reads once, sees its own process's changes at once (any admin service on the same database)", async () => {
    const catalog = new CatalogService(new UnitOfWork(database), { ttlMs: 60_000 });
    const admin = new CatalogAdminService(new UnitOfWork(database), clock);
    expect(await catalog.platforms()).toEqual([]);
    await admin.createPlatform(systemActor, { code: "p1", name: "平台一", feeFen: 5000 });
    expect(await catalog.platforms()).toEqual([{ code: "p1", name: "平台一", feeFen: 5000 }]);
    await admin.createCategory(systemActor, { code: "c1", name: "类别一", holderKind: "personal", baseFeeFen: 0 });
    expect(await catalog.categoryCodes()).toEqual(new Set(["c1"]));
    expect((await catalog.priceList()).platformFeeFen.get("p1")).toBe(5000);
    await admin.createVendor(systemActor, { code: "v1", name: "厂商一" });
    expect(await catalog.vendors()).toEqual([{ code: "v1", name: "厂商一" }]);
    await admin.createServicePoint(systemActor, { code: "s1", name: "办理点一", city: "沈阳" });
    expect(await catalog.servicePoints()).toEqual([{ code: "s1", name: "办理点一", city: "沈阳" }]);
    // Shared values are frozen: a caller cannot change what the next one reads.
    expect(Object.isFrozen(await catalog.platforms())).toBe(true);
  });

  it("sees another process's changes after the TTL", async () => {
    const catalog = new CatalogService(new UnitOfWork(database), { ttlMs: 50 });
    const before = (await catalog.platforms()).length;
    // A write this process's caches are not told about, as another server process would make it.
    await database.db
      .insertInto("platforms")
      .values({
        id: "other-process",
        code: "p2",
        name: "平台二",
        fee_fen: 100,
        sort_order: 1,
        active: 1,
        webhook_url: null,
        webhook_secret_encrypted: null,
        interop_key_hash: null,
        created_at: "2026-01-01T00:00:00.000Z",
        updated_at: "2026-01-01T00:00:00.000Z",
      })
      .execute();
    expect((await catalog.platforms()).length).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await catalog.platforms()).length).toBe(before + 1);
  });
});
