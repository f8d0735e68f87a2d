import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, type DatabaseTarget, migrateToLatest, openDatabase } from "../../src/db/database";

export type TestDatabase = DatabaseHandle & { target: DatabaseTarget };

/**
 * A fresh, migrated database for one test file: SQLite in memory, or — when TEST_DATABASE_URL is set, as in
 * CI — a new PostgreSQL database created for this file and dropped afterwards, so runs never collide. The
 * bench passes its own PostgreSQL server's URL.
 */
export async function createTestDatabase(adminUrl = process.env.TEST_DATABASE_URL): Promise<TestDatabase> {
  if (!adminUrl) {
    const target = { kind: "sqlite", file: ":memory:" } as const;
    const handle = openDatabase(target);
    await migrateToLatest(handle.db);
    return { ...handle, target };
  }
  const name = `lnca_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = { kind: "postgres", url: url.toString() } as const;
  const handle = openDatabase(target);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    target,
    close: async () => {
      await handle.close();
      await withAdmin(adminUrl, async (client) => {
        // pg's pool.end() resolves before its connections have finished closing; FORCE would kill them midway,
        // and a client told "terminating connection" then has no listener left for its 'error' (an unhandled
        // error failing the run). Give them a moment to go first.
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline) {
          const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [
            name,
          ]);
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

async function withAdmin(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
