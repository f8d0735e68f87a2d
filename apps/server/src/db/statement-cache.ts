import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Distinct SQL texts kept prepared; the app has a few hundred queries, bounded so ad-hoc SQL cannot grow it. */
export const STATEMENT_CACHE_LIMIT = 500;

/**
 * better-sqlite3 behind Kysely's SqliteDatabase interface, with prepared statements reused per SQL text.
 *
 * Why: Kysely's SqliteDriver calls `db.prepare(sql)` for every query, and preparing (parse + plan in SQLite,
 * plus a new native Statement object) cost more than running the small indexed queries the app makes — about
 * a tenth of a CA login's time in a profile. Kysely compiles a query to the same SQL text every time (values
 * are bound parameters), so the texts are few and a bounded LRU keeps them all.
 *
 * Safe because SQLite re-prepares a statement by itself when the schema changed (sqlite3_prepare_v2), the
 * driver runs one query at a time on its single connection, and a statement still busy (an open `iterate`
 * of a stream) is never handed out twice: a fresh one is prepared instead.
 */
export class CachingSqliteDatabase implements SqliteDatabase {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly raw: BetterSqlite3.Database,
    private readonly limit = STATEMENT_CACHE_LIMIT,
  ) {}

  prepare(sql: string): SqliteStatement {
    const cached = this.statements.get(sql);
    if (cached) {
      if (cached.busy) return this.raw.prepare(sql);
      // Map order is insertion order: re-inserting marks it most recently used.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.raw.prepare(sql);
    if (this.statements.size >= this.limit) this.statements.delete(this.statements.keys().next().value as string);
    this.statements.set(sql, statement);
    return statement;
  }

  /** Number of statements held (for tests). */
  get size(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.raw.close();
  }
}
