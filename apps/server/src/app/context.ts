import type { Logger } from "pino";
import type { Config } from "../config/config";
import type { DatabaseHandle } from "../db/database";
import { SessionService } from "../features/auth/sessions.service";
import { CatalogService } from "../features/catalog/catalog.service";
import { OutboxWorker } from "../features/outbox/outbox.worker";
import { type Clock, systemClock } from "../shared/clock";

export interface AppConfig extends Config {
  version: string;
  trustProxy: boolean;
}

/** The services of one server process, wired once; routes and workers reach everything through it. */
export interface AppContext {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  clock: Clock;
  sessions: SessionService;
  catalog: CatalogService;
  /** Starts the outbox workers of this process (when enabled); returns how to stop them. */
  startWorkers(): { stop(): Promise<void> };
}

export function createContext(deps: {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  clock?: Clock;
}): AppContext {
  const clock = deps.clock ?? systemClock;
  return {
    ...deps,
    clock,
    sessions: new SessionService(clock, deps.config.sessionTtlMs),
    catalog: new CatalogService(deps.database.db),
    startWorkers: () => {
      const worker = new OutboxWorker(deps.database, {}, deps.logger);
      if (deps.config.workers) worker.start();
      return { stop: () => worker.stop() };
    },
  };
}
