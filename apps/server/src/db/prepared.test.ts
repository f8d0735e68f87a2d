import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/support/test-database";
import type { DatabaseHandle } from "./database";
import { placeholders, prepared } from "./prepared";
import type { BindingTicketsTable, Database } from "./schema";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const row = (n: number, certificateId = "cert-a"): BindingTicketsTable => ({
  id: `prepared-test-${n}`,
  token_hash: `hash-${n}`,
  certificate_id: certificateId,
  created_at: "2026-01-01T00:00:00.000Z",
  expires_at: `2026-01-0${n}T00:00:00.000Z`,
  used_at: null,
});

let builds = 0;
const insert = prepared<BindingTicketsTable>()((db) => {
  builds += 1;
  return db
    .insertInto("binding_tickets")
    .values(
      placeholders<BindingTicketsTable>({
        id: true,
        token_hash: true,
        certificate_id: true,
        created_at: true,
        expires_at: true,
        used_at: true,
      }),
    )
    .onConflict((oc) => oc.doNothing());
});
// A named parameter used twice and out of order, and constants of the query ("cert-a", the list).
const find = prepared<{ after: string; hash: string }>()((db, p) =>
  db
    .selectFrom("binding_tickets")
    .select(["id", "token_hash", "expires_at"])
    .where("certificate_id", "=", "cert-a")
    .where("expires_at", ">", p.after)
    .where((eb) => eb.or([eb("token_hash", "=", p.hash), eb("id", "=", p.hash)]))
    .where("created_at", "in", ["2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z"])
    .orderBy("expires_at"),
);

describe("prepared queries", () => {
  it("inserts, finds and counts affected rows like the built query, compiling once per database", async () => {
    const db = database.db;
    const before = builds;
    expect(await insert.executeAffected(db, row(1))).toBe(1);
    expect(await insert.executeAffected(db, row(2))).toBe(1);
    expect(await insert.executeAffected(db, row(3, "cert-b"))).toBe(1);
    expect(await insert.executeAffected(db, row(1))).toBe(0); // on conflict do nothing
    expect(builds - before).toBe(1);
    expect(await find.executeTakeFirst(db, { hash: "hash-2", after: "2026-01-01T12:00:00.000Z" })).toEqual({
      id: "prepared-test-2",
      token_hash: "hash-2",
      expires_at: "2026-01-02T00:00:00.000Z",
    });
    expect(await find.execute(db, { hash: "hash-1", after: "2026-01-01T12:00:00.000Z" })).toEqual([]);
    expect(await find.execute(db, { hash: "hash-3", after: "2026-01-01T00:00:00.000Z" })).toEqual([]);
    const stored = await db.selectFrom("binding_tickets").selectAll().where("id", "=", "prepared-test-1").execute();
    expect(stored).toEqual([row(1)]);
  });

  it("runs inside a transaction, on its connection", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        expect(await insert.executeAffected(trx, row(4))).toBe(1);
        expect(await find.execute(trx, { hash: "hash-4", after: "2026-01-01T00:00:00.000Z" })).toHaveLength(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await find.execute(database.db, { hash: "hash-4", after: "2026-01-01T00:00:00.000Z" })).toEqual([]);
  });

  it("refuses to run without a value for every named parameter (null is a value)", async () => {
    await expect(find.execute(database.db, { hash: "x" } as never)).rejects.toThrow(/no value for parameter "after"/);
    expect(insert.compile(database.db, row(5)).parameters).toContain(null);
  });

  it("compiles per dialect: ? for SQLite, $n for PostgreSQL, the same parameters", () => {
    const sqlite = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
    const postgres = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) });
    const params = { hash: "n", after: "a" };
    const a = find.compile(sqlite, params);
    const b = find.compile(postgres, params);
    expect(a.sql).toContain('"expires_at" > ?');
    expect(b.sql).toContain('"expires_at" > $2');
    expect(b.sql).toContain('"token_hash" = $3 or "id" = $4');
    expect(a.parameters).toEqual(["cert-a", "a", "n", "n", "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z"]);
    expect(b.parameters).toEqual(a.parameters);
    expect(find.compile(sqlite, { hash: "m", after: "b" }).sql).toBe(a.sql);
    void sqlite.destroy();
    void postgres.destroy();
  });
});
