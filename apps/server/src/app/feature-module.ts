import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { UnitOfWork } from "../db/unit-of-work";
import type { JobHandlers } from "../features/outbox/outbox";
import type { Clock } from "../shared/clock";
import type { PersonalDataVault } from "../shared/personal-data";
import type { AppConfig } from "./context";

/** What every module is built from: the process's configuration, database, clock and logger. */
export interface Runtime {
  config: AppConfig;
  database: UnitOfWork;
  clock: Clock;
  logger: Logger;
  /** Seals and looks up sensitive personal information (shared/personal-data.ts). */
  vault: PersonalDataVault;
}

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * One feature, as the composition root (app/context.ts) sees it. A feature builds its services from the
 * runtime and the services of the modules it depends on (named, in its factory's argument), and
 * contributes:
 * - `services`: what routes, other modules, seeds and tests call;
 * - `routes.portal`: plugins mounted under /api/v1; `routes.console`: under /api/v1/console (operator
 *   console, permissions named `console.*`). Every route names its permission (features/<f>/<f>.policy.ts);
 * - `jobs`: a handler for each outbox job kind the feature declares (features/outbox/outbox.ts), merged into
 *   the one typed map the outbox worker runs;
 * - `start()`: its timers, started only in processes that run workers; returns how to stop them.
 */
export interface FeatureModule<Services extends object = object> {
  readonly name: string;
  readonly services: Services;
  readonly routes?: { readonly portal?: FastifyPluginAsyncZod; readonly console?: FastifyPluginAsyncZod };
  readonly jobs?: Readonly<Partial<JobHandlers>>;
  start?(): Stoppable;
}

/** Runs `fn` every `ms` in the background (not keeping the process alive), logging its failures. */
export function everyInterval(logger: Logger, what: string, ms: number, fn: () => Promise<unknown>): Stoppable {
  const timer = setInterval(() => void fn().catch((err) => logger.error({ err }, `${what} failed`)), ms);
  timer.unref();
  return { stop: async () => clearInterval(timer) };
}
