import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import type { LicenceRecognizer } from "../../src/adapters/recognition/licence-recognizer";
import { type AppConfig, type AppContext, createContext } from "../../src/app/context";
import { loadConfig } from "../../src/config/config";
import { createApp } from "../../src/http/app";
import { seedCatalog } from "../../src/seed/seed-catalog";
import type { Clock } from "../../src/shared/clock";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/** A test app with its database: another app given it is the same platform after a restart. */
export type TestAppWithDatabase = TestApp & { database: TestDatabase };

export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The real app on a fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL is set), no web build. */
export async function createTestApp(
  opts: {
    clock?: Clock;
    config?: Partial<AppConfig>;
    withCatalog?: boolean;
    recognizer?: LicenceRecognizer;
    /** A restart: a new app on an earlier app's database (closed with the earlier app, not with this one). */
    database?: TestDatabase;
  } = {},
): Promise<TestAppWithDatabase> {
  const database = opts.database ?? (await createTestDatabase());
  // Uploads of this app only, gone with it.
  const storageDir = mkdtempSync(path.join(tmpdir(), "lnca-test-files-"));
  const base = loadConfig({
    STORAGE_DIR: storageDir,
    NODE_ENV: "test",
    SECRET_KEY: "test-secret-key-test-secret-key-0123456789",
    DEMO: "false",
    WORKERS: "false",
  });
  const config: AppConfig = { ...base, version: "test", trustProxy: false, webDist: "/nonexistent", ...opts.config };
  const ctx = await createContext({
    config,
    database,
    logger: pino({ level: "silent" }),
    clock: opts.clock,
    recognizer: opts.recognizer,
  });
  const app = await createApp(ctx);
  await app.ready();
  if (opts.withCatalog) await seedCatalog(ctx.catalogAdmin);
  return {
    app,
    ctx,
    database,
    close: async () => {
      await app.close();
      if (!opts.database) await database.close();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
