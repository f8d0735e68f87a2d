import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { type AppConfig, type AppContext, createContext } from "../apps/server/src/app/context";
import { loadConfig } from "../apps/server/src/config/config";
import { type DatabaseHandle, migrateToLatest, openDatabase } from "../apps/server/src/db/database";
import { seedCatalog } from "../apps/server/src/seed/seed-catalog";
import { createTestDatabase } from "../apps/server/test/support/test-database";

export interface BenchResult {
  name: string;
  ratio: number;
  /** Met when `ratio ≥ target`. */
  target?: number;
  /** A goal of another kind (a time limit): whether this run met it, and what it is. */
  goal?: { met: boolean; text: string };
  /** The ratio as a share of the reference (default, shown in %) or as a multiple of it (×). */
  ratioAs?: "share" | "multiple";
  detail: string;
}

/**
 * The PostgreSQL server benches that measure both databases use (a fresh database is made on it and dropped):
 * BENCH_DATABASE_URL, else TEST_DATABASE_URL as in CI; neither set, they measure SQLite only.
 */
export const benchPostgresUrl = (): string | undefined =>
  process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

/**
 * A server context with the demo catalog on a fresh SQLite file (the embedded default), or on a fresh
 * PostgreSQL database on `postgresUrl`'s server.
 */
export async function benchContext(
  options: { postgresUrl?: string } = {},
): Promise<{ ctx: AppContext; database: DatabaseHandle; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lnca-bench-"));
  const base = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dir,
    SECRET_KEY: "bench-secret-key-bench-secret-key-0123",
    DEMO: "false",
    WORKERS: "false",
  });
  const database = options.postgresUrl ? await createTestDatabase(options.postgresUrl) : openDatabase(base.database);
  if (!options.postgresUrl) await migrateToLatest(database.db);
  const config: AppConfig = { ...base, version: "bench", trustProxy: false, webDist: "/nonexistent" };
  const ctx = await createContext({ config, database, logger: pino({ level: "silent" }) });
  await seedCatalog(ctx.catalogAdmin);
  return {
    ctx,
    database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What one call of a measured work did: how many operations, in how many milliseconds of its own timing. */
export interface Sample {
  ms: number;
  operations: number;
}

/**
 * Operations per second of each of `works`, each timing its own operations: they run in turns of `sliceMs`
 * for `totalMs` in all, so a slower spell of a noisy machine falls on each of them alike.
 */
export async function interleavedOpsPerSecond(
  totalMs: number,
  sliceMs: number,
  works: Array<() => Promise<Sample> | Sample>,
): Promise<number[]> {
  const measured = works.map(() => 0);
  const counts = works.map(() => 0);
  const rounds = Math.max(1, Math.round(totalMs / (sliceMs * works.length)));
  for (let round = 0; round < rounds; round++) {
    for (const [i, work] of works.entries()) {
      const deadline = performance.now() + sliceMs;
      while (performance.now() < deadline) {
        const sample = await work();
        measured[i] = (measured[i] ?? 0) + sample.ms;
        counts[i] = (counts[i] ?? 0) + sample.operations;
      }
    }
  }
  return works.map((_, i) => (counts[i] ?? 0) / ((measured[i] ?? 0) / 1000));
}
