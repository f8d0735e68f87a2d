import { type AppConfig, createContext } from "./app/context";
import { migrateToLatest, openDatabase } from "./db/database";
import { createApp } from "./http/app";
import { createLogger } from "./http/logger";
import { demoBanner } from "./seed/demo-banner";
import { seedDemoIfEmpty } from "./seed/seed-demo";
import { demoInteropBanner } from "./seed/seed-interop";

/** Opens the database, migrates, seeds the demo on an empty database, and starts HTTP and the workers. */
export async function startServer(config: AppConfig) {
  const logger = createLogger(config.logLevel);
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const ctx = await createContext({ config, database, logger });
  if (config.demo) await seedDemoIfEmpty(ctx);
  const app = await createApp(ctx);
  await app.listen({ host: config.host, port: config.port });
  const workers = ctx.startWorkers();
  const est = await ctx.adapters.startEstEndpoint();
  logger.info({ database: database.kind, origin: config.publicOrigin }, "CA 互联互通服务平台已启动");
  if (config.demo) {
    console.info([await demoBanner(database.db, config.publicOrigin), ...demoInteropBanner(config)].join("\n"));
  }
  return {
    app,
    ctx,
    stop: async () => {
      await app.close();
      await est?.close();
      await workers.stop();
      await database.close();
    },
  };
}
