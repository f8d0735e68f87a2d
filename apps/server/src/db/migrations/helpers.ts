import type { CreateTableBuilder, Kysely } from "kysely";
import { SqliteAdapter, sql } from "kysely";

/**
 * Column conventions shared by every table, so one migration runs on SQLite and PostgreSQL alike:
 * ids are text UUIDs, times are ISO-8601 UTC text (they sort as text), money is integer fen,
 * booleans are integer 0/1 and structured data is JSON text.
 */
export function withId<T extends string>(table: CreateTableBuilder<T>) {
  return table.addColumn("id", "text", (c) => c.primaryKey());
}

export function withTimestamps<T extends string>(table: CreateTableBuilder<T>) {
  return table.addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull());
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema as it was, untyped
export type MigrationDb = Kysely<any>;

/** A CHECK constraint that keeps a state or kind column inside its known values. */
export function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);
}

export function nonNegative(column: string) {
  return sql.raw(`${column} >= 0`);
}

/** The few migrations that differ by dialect (a SQLite-only table option) ask this. */
export function isSqlite(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
