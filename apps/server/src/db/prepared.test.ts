import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/support/test-database";
import type { DatabaseHandle } from "./database";
import { placeholders, prepared } from "./prepared";
import type { Database, LoginChallengesTable } from "./schema";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const row = (n: number, purpose = "ca-login"): LoginChallengesTable => ({
  id: `prepared-test-${n}`,
  nonce: `nonce-${n}`,
  purpose,
  origin: "https://lnca.example.cn",
  challenge_text: `text ${n}`,
  created_at: "2026-01-01T00:00:00.000Z",
  expires_at: `2026-01-0${n}T00:00:00.000Z`,
  used_at: null,
});

let builds = 0;
const insert = prepared<LoginChallengesTable>()((db) => {
  builds += 1;
  return db
    .insertInto("login_challenges")
    .values(
      placeholders<LoginChallengesTable>({
        id: true,
        nonce: true,
        purpose: true,
        origin: true,
        challenge_text: true,
        created_at: true,
        expires_at: true,
        used_at: true,
      }),
    )
    .onConflict((oc) => oc.doNothing());
});
// A named parameter used twice and out of order, and constants of the query ("ca-login", the list).
const find = prepared<{ after: string; nonce: string }>()((db, p) =>
  db
    .selectFrom("login_challenges")
    .select(["id", "nonce", "expires_at"])
    .where("purpose", "=", "ca-login")
    .where("expires_at", ">", p.after)
    .where((eb) => eb.or([eb("nonce", "=", p.nonce), eb("id", "=", p.nonce)]))
    .where("origin", "in", ["https://lnca.example.cn", "https://other.example.cn"])
    .orderBy("expires_at"),
);

describe("prepared queries", () => {
  it("inserts, finds and counts affected rows like the built query, compiling once per database", async () => {
    const db = database.db;
    const before = builds;
    expect(await insert.executeAffected(db, row(1))).toBe(1);
    expect(await insert.executeAffected(db, row(2))).toBe(1);
    expect(await insert.executeAffected(db, row(3, "bind"))).toBe(1);
    expect(await insert.executeAffected(db, row(1))).toBe(0); // on conflict do nothing
    expect(builds - before).toBe(1);
    expect(await find.executeTakeFirst(db, { nonce: "nonce-2", after: "2026-01-01T12:00:00.000Z" })).toEqual({
      id: "prepared-test-2",
      nonce: "nonce-2",
      expires_at: "2026-01-02T00:00:00.000Z",
    });
    expect(await find.execute(db, { nonce: "nonce-1", after: "2026-01-01T12:00:00.000Z" })).toEqual([]);
    expect(await find.execute(db, { nonce: "nonce-3", after: "2026-01-01T00:00:00.000Z" })).toEqual([]);
    const stored = await db.selectFrom("login_challenges").selectAll().where("id", "=", "prepared-test-1").execute();
    expect(stored).toEqual([row(1)]);
  });

  it("runs inside a transaction, on its connection", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        expect(await insert.executeAffected(trx, row(4))).toBe(1);
        expect(await find.execute(trx, { nonce: "nonce-4", after: "2026-01-01T00:00:00.000Z" })).toHaveLength(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await find.execute(database.db, { nonce: "nonce-4", after: "2026-01-01T00:00:00.000Z" })).toEqual([]);
  });

  it("refuses to run without a value for every named parameter (null is a value)", async () => {
    await expect(find.execute(database.db, { nonce: "x" } as never)).rejects.toThrow(/no value for parameter "after"/);
    expect(insert.compile(database.db, row(5)).parameters).toContain(null);
  });

  it("compiles per dialect: ? for SQLite, $n for PostgreSQL, the same parameters", () => {
    const sqlite = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
    const postgres = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) });
    const params = { nonce: "n", after: "a" };
    const a = find.compile(sqlite, params);
    const b = find.compile(postgres, params);
    expect(a.sql).toContain('"expires_at" > ?');
    expect(b.sql).toContain('"expires_at" > $2');
    expect(b.sql).toContain('"nonce" = $3 or "id" = $4');
    expect(a.parameters).toEqual(["ca-login", "a", "n", "n", "https://lnca.example.cn", "https://other.example.cn"]);
    expect(b.parameters).toEqual(a.parameters);
    expect(find.compile(sqlite, { nonce: "m", after: "b" }).sql).toBe(a.sql);
    void sqlite.destroy();
    void postgres.destroy();
  });
});
