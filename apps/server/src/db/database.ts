import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import { migrations } from "./migrations";
import type { Database } from "./schema";
import { CachingSqliteDatabase } from "./statement-cache";
import { WalCheckpointer, type WalCheckpointerOptions } from "./wal-checkpointer";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: queries take this so services decide the transaction. */
export type DbOrTx = Kysely<Database>;
export type DatabaseKind = "sqlite" | "postgres";

export type DatabaseTarget = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** SQLite on a file: the worker that checkpoints its WAL (stopped by close()). */
  checkpointer?: WalCheckpointer;
}

export interface OpenDatabaseOptions {
  /** SQLite on a file: how the WAL checkpointer runs; false leaves checkpoints to SQLite's auto-checkpoint. */
  checkpointer?: WalCheckpointerOptions | false;
}

/** SQLite with the WAL checkpointer: the serving connection finishes a checkpoint at this many WAL pages. */
export const WAL_RESTART_PAGES = 8192;

/** SQLite with the WAL checkpointer: the WAL file is cut back to this size when it is reused. */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  if (target.file !== ":memory:") mkdirSync(path.dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  // WAL lets readers go on while one writer commits; foreign keys are off by default in SQLite.
  sqlite.pragma("journal_mode = WAL");
  // In WAL mode NORMAL never corrupts the database; it only skips the fsync on each commit (a power cut may
  // lose the last moments, never half a transaction).
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new CachingSqliteDatabase(sqlite) }) });
  if (target.file === ":memory:" || options.checkpointer === false) {
    return { db, kind: "sqlite", close: () => db.destroy() };
  }
  // Checkpoints in a worker thread, not inside the COMMIT of a request (wal-checkpointer.ts). Should the worker
  // fail, SQLite's own auto-checkpoint (every 1000 pages) takes over again.
  //
  // Under a sustained stream of commits the worker's PASSIVE checkpoint is always a few commits behind, and
  // the WAL is only reused from its start once a checkpoint has copied all of it: it would grow without bound
  // (580 MB in 4 s of CA logins), every commit appending to a new part of the file. So the serving connection
  // still checkpoints once the WAL holds WAL_RESTART_PAGES: only the frames the worker has not copied yet, then
  // the next transaction reuses the WAL from its start.
  sqlite.pragma(`wal_autocheckpoint = ${WAL_RESTART_PAGES}`);
  // The WAL file is reused from its start after a complete checkpoint; after a burst it is cut back to this
  // size when reused (a checkpoint that truncates would need the writer lock, see wal-checkpointer.ts).
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const checkpointer = new WalCheckpointer(target.file, {
    ...options.checkpointer,
    onError: (err) => {
      if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
      if (options.checkpointer) options.checkpointer.onError?.(err);
    },
  });
  return {
    db,
    kind: "sqlite",
    checkpointer,
    close: async () => {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`数据库迁移失败：${failed?.migrationName ?? ""} ${String(error)}`);
  }
}
