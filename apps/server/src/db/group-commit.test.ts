import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/support/test-database";
import type { DatabaseHandle, Db, Tx } from "./database";
import { GroupCommit } from "./group-commit";
import type { Database } from "./schema";

const now = "2026-01-01T00:00:00.000Z";
let seq = 0;

/** A unit that writes one used-challenge row (a table with no foreign keys) and returns its nonce. */
const writeRow =
  (nonce = `nonce-${++seq}`) =>
  async (trx: Tx) => {
    await trx.insertInto("used_challenges").values({ expires_at: now, nonce }).execute();
    return nonce;
  };
const stored = async (db: Db, nonce: string) =>
  (await db.selectFrom("used_challenges").select("nonce").where("nonce", "=", nonce).execute()).length;

describe(`GroupCommit on the test database (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  let handle: DatabaseHandle;
  let units: GroupCommit;
  beforeAll(async () => {
    handle = await createTestDatabase();
    units = new GroupCommit(handle.db, handle.kind);
  });
  afterAll(() => handle.close());

  it("gives each caller its own result, and keeps what every unit wrote", async () => {
    const nonces = await Promise.all(Array.from({ length: 10 }, () => units.run(writeRow())));
    expect(new Set(nonces).size).toBe(10);
    for (const nonce of nonces) expect(await stored(handle.db, nonce)).toBe(1);
  });

  it("a unit that throws is undone and fails alone; the units around it commit", async () => {
    const failing = async (trx: Tx) => {
      await writeRow("undone")(trx);
      throw new Error("unit failed");
    };
    const results = await Promise.allSettled([units.run(writeRow()), units.run(failing), units.run(writeRow())]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("unit failed"));
    expect(await stored(handle.db, "undone")).toBe(0);
    for (const r of [results[0], results[2]]) {
      expect(await stored(handle.db, (r as PromiseFulfilledResult<string>).value)).toBe(1);
    }
  });
});

describe("GroupCommit on a SQLite file", () => {
  let dir: string;
  let file: string;
  let db: Db;
  let units: GroupCommit;
  const statements: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "lnca-group-commit-"));
    file = path.join(dir, "db.sqlite");
    const raw = new SQLite(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma("foreign_keys = ON");
    // Every statement the connection prepares, to count the COMMITs.
    const counting = {
      close: () => raw.close(),
      prepare: (text: string) => {
        statements.push(text.trim().toLowerCase());
        return raw.prepare(text);
      },
    };
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: counting }) });
    await sql`create table used_challenges (expires_at text not null, nonce text not null, primary key (expires_at, nonce))`.execute(
      db,
    );
    await sql`create table parent (id text primary key)`.execute(db);
    await sql`create table child (id text primary key, parent_id text not null references parent (id))`.execute(db);
    units = new GroupCommit(db, "sqlite");
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const commits = () => statements.filter((s) => s === "commit").length;

  it("units that arrive together share one COMMIT; one arriving alone gets its own", async () => {
    const before = commits();
    await Promise.all(Array.from({ length: 20 }, () => units.run(writeRow())));
    expect(commits() - before).toBe(1);
    await units.run(writeRow());
    expect(commits() - before).toBe(2);
  });

  it("a unit sees the writes of the units before it, as if they had committed", async () => {
    const [first, second] = await Promise.all([
      units.run(writeRow("seen-before")),
      units.run(async (trx) => stored(trx, "seen-before")),
    ]);
    expect(first).toBe("seen-before");
    expect(second).toBe(1);
  });

  it("takes a long queue in batches of at most maxUnits", async () => {
    const small = new GroupCommit(db, "sqlite", 8);
    const before = commits();
    await Promise.all(Array.from({ length: 20 }, () => small.run(writeRow())));
    expect(commits() - before).toBe(3);
  });

  it("settles no caller before the COMMIT: what the last unit wrote is visible elsewhere when the first hears back", async () => {
    const reader = new SQLite(file, { readonly: true });
    try {
      const first = units
        .run(writeRow("first-of-batch"))
        .then(() => reader.prepare("select count(*) as n from used_challenges where nonce = 'last-of-batch'").get());
      const last = units.run(writeRow("last-of-batch"));
      await last;
      expect(await first).toEqual({ n: 1 });
    } finally {
      reader.close();
    }
  });

  it("when the COMMIT fails, every unit of it fails and nothing of it is kept", async () => {
    await sql`insert into parent (id) values ('p')`.execute(db);
    // A deferred foreign key is only checked at COMMIT: the second unit's orphan makes the COMMIT fail.
    const orphan = async (trx: Tx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await sql`insert into child (id, parent_id) values ('orphan', 'missing')`.execute(trx);
    };
    const results = await Promise.allSettled([units.run(writeRow("lost-with-commit")), units.run(orphan)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await stored(db, "lost-with-commit")).toBe(0);
    // The connection is free again.
    expect(await units.run(writeRow("after-failed-commit"))).toBe("after-failed-commit");
  });
});
