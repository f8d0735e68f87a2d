import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase, WAL_RESTART_PAGES } from "./database";
import type { WalCheckpointerOptions } from "./wal-checkpointer";

let dirs: string[] = [];
let handles: DatabaseHandle[] = [];

function openFile(options?: WalCheckpointerOptions | false) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lnca-wal-"));
  dirs.push(dir);
  const file = path.join(dir, "db.sqlite");
  const handle = openDatabase({ kind: "sqlite", file }, { checkpointer: options });
  handles.push(handle);
  return { handle, file };
}

async function writeRows(handle: DatabaseHandle, count: number) {
  await sql`create table if not exists t (id integer primary key, body text not null)`.execute(handle.db);
  for (let i = 0; i < count; i++) {
    await sql`insert into t (body) values (${"x".repeat(2000)})`.execute(handle.db);
  }
}

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

afterEach(async () => {
  for (const handle of handles) await handle.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  handles = [];
  dirs = [];
});

describe("WAL checkpointer", () => {
  it("moves SQLite's auto-checkpoint out to WAL_RESTART_PAGES with a checkpointer, leaves it as it is without", async () => {
    const withWorker = openFile();
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(withWorker.handle.db);
    expect(rows[0]?.wal_autocheckpoint).toBe(WAL_RESTART_PAGES);
    expect(withWorker.handle.checkpointer).toBeDefined();
    const without = openFile(false);
    const other = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(without.handle.db);
    expect(other.rows[0]?.wal_autocheckpoint).toBe(1000);
    expect(without.handle.checkpointer).toBeUndefined();
  });

  it("checkpoints the WAL into the database file on its own, within its interval", async () => {
    const { handle, file } = openFile({ intervalMs: 50, pollMs: 10 });
    await writeRows(handle, 200);
    const before = size(file);
    await expect.poll(() => size(file), { timeout: 5_000, interval: 20 }).toBeGreaterThan(before + 200 * 2000);
    expect(size(`${file}-wal`)).toBeGreaterThan(0);
  });

  it("copies every frame when asked, and the WAL is then reused from its start", async () => {
    const { handle, file } = openFile({ intervalMs: 60_000 });
    await writeRows(handle, 100);
    const walSize = size(`${file}-wal`);
    expect(walSize).toBeGreaterThan(100 * 2000);
    const report = await handle.checkpointer?.checkpoint();
    expect(report?.busy).toBe(0);
    expect(report?.checkpointed).toBe(report?.log);
    expect(report?.log).toBeGreaterThan(50);
    await writeRows(handle, 10);
    expect(size(`${file}-wal`)).toBe(walSize);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(handle.db);
    expect(rows[0]?.n).toBe(110);
  });

  it("keeps the WAL bounded under commits that never pause, even when the worker lags", async () => {
    const { handle, file } = openFile({ intervalMs: 60_000, growthBytes: 1024 ** 4 });
    const pageBytes = 4096 + 24;
    const rowBytes = 3000; // one row to a page
    await writeRows(handle, 0);
    for (let i = 0; i < WAL_RESTART_PAGES * 2.5; i++) {
      await sql`insert into t (body) values (${"z".repeat(rowBytes)})`.execute(handle.db);
    }
    expect(size(file)).toBeGreaterThan(WAL_RESTART_PAGES * rowBytes);
    expect(size(`${file}-wal`)).toBeLessThan((WAL_RESTART_PAGES + 64) * pageBytes);
  });

  it("never makes a transaction that reads and then writes fail with SQLITE_BUSY", async () => {
    const { handle } = openFile({ intervalMs: 1, pollMs: 1, growthBytes: 1 });
    await writeRows(handle, 1);
    for (let i = 0; i < 300; i++) {
      await handle.db.transaction().execute(async (trx) => {
        await sql`select count(*) from t`.execute(trx);
        await sql`insert into t (body) values (${"y".repeat(4000)})`.execute(trx);
      });
    }
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(handle.db);
    expect(rows[0]?.n).toBe(301);
  });

  it("stops its worker when the database is closed", async () => {
    const { handle } = openFile({ intervalMs: 10, pollMs: 5 });
    const checkpointer = handle.checkpointer;
    await writeRows(handle, 5);
    await handle.close();
    handles = handles.filter((h) => h !== handle);
    expect(checkpointer?.threadId).toBe(-1);
    await expect(checkpointer?.checkpoint()).rejects.toThrow(/stopped/);
  });
});
