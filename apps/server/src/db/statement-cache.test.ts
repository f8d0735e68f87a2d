import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { CachingSqliteDatabase } from "./statement-cache";

let open: CachingSqliteDatabase[] = [];
function cachingDb(limit?: number) {
  const db = new CachingSqliteDatabase(new SQLite(":memory:"), limit);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open) if (db.raw.open) db.close();
  open = [];
});

describe("CachingSqliteDatabase", () => {
  it("hands out the same prepared statement for the same SQL text", () => {
    const db = cachingDb();
    const a = db.prepare("select 1 as one");
    expect(db.prepare("select 1 as one")).toBe(a);
    expect(db.prepare("select 2 as two")).not.toBe(a);
    expect(db.size).toBe(2);
  });

  it("evicts the least recently used statement beyond its limit", () => {
    const db = cachingDb(2);
    const one = db.prepare("select 1");
    const two = db.prepare("select 2");
    expect(db.prepare("select 1")).toBe(one); // now "select 2" is the oldest
    db.prepare("select 3");
    expect(db.size).toBe(2);
    expect(db.prepare("select 1")).toBe(one);
    expect(db.prepare("select 2")).not.toBe(two);
  });

  it("never hands out a statement that is still iterating", () => {
    const db = cachingDb();
    db.raw.exec("create table t (n integer); insert into t values (1), (2)");
    const first = db.prepare("select n from t");
    const iterator = first.iterate([]);
    iterator.next();
    const second = db.prepare("select n from t");
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }]);
    iterator.return?.();
    expect(db.prepare("select n from t")).toBe(first);
  });

  it("keeps cached statements correct across schema changes and runs Kysely queries and transactions", async () => {
    const raw = cachingDb();
    const kysely = new Kysely<{ t: { n: number; label: string | null } }>({
      dialect: new SqliteDialect({ database: raw }),
    });
    await sql`create table t (n integer primary key)`.execute(kysely);
    await kysely.insertInto("t").values({ n: 1 }).execute();
    const select = () => kysely.selectFrom("t").selectAll().orderBy("n").execute();
    expect(await select()).toEqual([{ n: 1 }]);
    await sql`alter table t add column label text`.execute(kysely);
    // The same SQL text (select *) now returns the new column: SQLite re-prepared the cached statement.
    expect(await select()).toEqual([{ n: 1, label: null }]);
    await expect(
      kysely.transaction().execute(async (trx) => {
        await trx.insertInto("t").values({ n: 2, label: "x" }).execute();
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await kysely.transaction().execute((trx) => trx.insertInto("t").values({ n: 3, label: "y" }).execute());
    expect(await select()).toEqual([
      { n: 1, label: null },
      { n: 3, label: "y" },
    ]);
    const updated = await kysely.updateTable("t").set({ label: "z" }).where("n", "=", 1).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    await kysely.destroy();
  });
});
