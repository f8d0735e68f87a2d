import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { type AppConfig, type AppContext, createContext } from "../apps/server/src/app/context";
import { loadConfig } from "../apps/server/src/config/config";
import { type DatabaseHandle, migrateToLatest, openDatabase } from "../apps/server/src/db/database";
import { seedCatalog } from "../apps/server/src/seed/seed-catalog";

export interface BenchResult {
  name: string;
  ratio: number;
  target?: number;
  detail: string;
}

/** A server context on a fresh SQLite file (the embedded default), with the demo catalog. */
export async function benchContext(): Promise<{ ctx: AppContext; database: DatabaseHandle; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lnca-bench-"));
  const base = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dir,
    SECRET_KEY: "bench-secret-key-bench-secret-key-0123",
    DEMO: "false",
    WORKERS: "false",
  });
  const config: AppConfig = { ...base, version: "bench", trustProxy: false, webDist: "/nonexistent" };
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
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

/** Runs `work` repeatedly for `ms` and returns operations per second of the time `work` reports. */
export async function opsPerSecond(ms: number, work: () => Promise<number> | number): Promise<number> {
  let measured = 0;
  let count = 0;
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    measured += await work();
    count += 1;
  }
  return count / (measured / 1000);
}
