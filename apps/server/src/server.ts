import { type AppConfig, createContext } from "./app/context";
import { migrateToLatest, openDatabase } from "./db/database";
import { createApp } from "./http/app";
import { createLogger } from "./http/logger";
import { DEMO_PIN, DEMO_STAFF, demoKeys } from "./seed/demo-people";
import { seedDemoIfEmpty } from "./seed/seed-demo";

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
  logger.info({ database: database.kind, origin: config.publicOrigin }, "CA 互联互通服务平台已启动");
  if (config.demo) printDemoAccounts(config.publicOrigin);
  return {
    app,
    ctx,
    stop: async () => {
      await app.close();
      await workers.stop();
      await database.close();
    },
  };
}

/** Demo mode only: the accounts a newcomer needs, on the console at every start. */
function printDemoAccounts(origin: string): void {
  const lines = [
    `演示环境：${origin}`,
    `  CA 登录：演示 CA 锁（拓展程序已随 npm start 启动），CA 锁密码 ${DEMO_PIN}`,
    ...demoKeys.map((k) => `    · ${k.label}${k.boundTo ? `（已绑定 ${k.boundTo.mobile}）` : "（首次登录需绑定）"}`),
    `  运营后台：${origin}/console`,
    ...DEMO_STAFF.map((s) => `    · ${s.displayName}：${s.username} / ${s.password}`),
    "  短信验证码：运营后台「短信发件箱」或本日志",
  ];
  console.info(lines.join("\n"));
}
