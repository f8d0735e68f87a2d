import type { Logger } from "pino";
import { BuiltinCaAdapter } from "../adapters/ca/builtin-ca-adapter";
import { AliyunSmsSender } from "../adapters/sms/aliyun-sms-sender";
import { OutboxSmsSender } from "../adapters/sms/outbox-sms-sender";
import type { SmsSender } from "../adapters/sms/sms";
import type { Config } from "../config/config";
import type { DatabaseHandle } from "../db/database";
import { UnitOfWork } from "../db/unit-of-work";
import { type AuthServices, authModule } from "../features/auth/auth.module";
import { type CatalogServices, catalogModule } from "../features/catalog/catalog.module";
import { vendorIdOf } from "../features/catalog/catalog.service";
import type { CatalogAdminService } from "../features/catalog/catalog-admin.service";
import { type CertificatesServices, certificatesModule } from "../features/certificates/certificates.module";
import { type EnterprisesServices, enterprisesModule } from "../features/enterprises/enterprises.module";
import { type NotificationsServices, notificationsModule } from "../features/notifications/notifications.module";
import { outboxModule } from "../features/outbox/outbox.module";
import type { JobHandler } from "../features/outbox/outbox.worker";
import { systemActor } from "../features/policy/actor";
import { systemModule } from "../features/system/system.module";
import { type Clock, systemClock } from "../shared/clock";
import type { FeatureModule, Runtime, Stoppable } from "./feature-module";

export interface AppConfig extends Config {
  version: string;
  trustProxy: boolean;
}

/**
 * One server process: the runtime, the chosen adapters, every module, and (for seeds, tests and the bench)
 * the services the modules export, by name.
 */
export type AppContext = Runtime &
  CatalogServices &
  CertificatesServices &
  NotificationsServices &
  EnterprisesServices &
  AuthServices & {
    ca: BuiltinCaAdapter;
    modules: readonly FeatureModule[];
    /** Starts this process's outbox worker and the modules' timers (when enabled); returns how to stop them. */
    startWorkers(): Stoppable;
  };

function smsSenderFor(config: AppConfig, logger: Logger): SmsSender {
  return config.sms.provider === "aliyun" ? new AliyunSmsSender(config.sms) : new OutboxSmsSender(logger);
}

const BUILTIN_CA_NAME = "辽宁 CA 互联互通演示";
const BUILTIN_CA_VENDOR = "CFCA";

/** The built-in CA, registered as the vendor it stands in for. */
async function openBuiltinCa(runtime: Runtime, catalogAdmin: CatalogAdminService) {
  const { config, database, clock } = runtime;
  const vendorId =
    (await vendorIdOf(database.db, BUILTIN_CA_VENDOR)) ??
    (await catalogAdmin.createVendor(systemActor, { code: BUILTIN_CA_VENDOR, name: "中国金融认证中心（CFCA）" }));
  const ca = await BuiltinCaAdapter.open(database.db, clock, {
    name: BUILTIN_CA_NAME,
    vendorId,
    encryptionKey: config.secretKey,
    crlUrl: `${config.publicOrigin}/api/v1/ca/crl`,
  });
  return { ca, vendorId };
}

/** The composition root: picks the adapters, builds each module from the ones it depends on, wires them. */
export async function createContext(deps: {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  clock?: Clock;
  smsSender?: SmsSender;
}): Promise<AppContext> {
  const { config, logger } = deps;
  const runtime: Runtime = {
    config,
    logger,
    database: new UnitOfWork(deps.database),
    clock: deps.clock ?? systemClock,
  };
  const catalog = catalogModule(runtime);
  const { ca, vendorId } = await openBuiltinCa(runtime, catalog.services.catalogAdmin);
  const notifications = notificationsModule(runtime, { smsSender: deps.smsSender ?? smsSenderFor(config, logger) });
  const certificates = await certificatesModule(runtime, { ca, vendorId, catalog: catalog.services.catalog });
  const auth = authModule(runtime, {
    sms: notifications.services.sms,
    trust: certificates.services.trust,
    catalog: catalog.services.catalog,
  });
  const enterprises = enterprisesModule(runtime);
  const features: FeatureModule[] = [systemModule(runtime), catalog, auth, certificates, notifications, enterprises];
  const modules = [...features, outboxModule(runtime, jobsOf(features))];
  return {
    ...runtime,
    ca,
    modules,
    ...catalog.services,
    ...certificates.services,
    ...notifications.services,
    ...enterprises.services,
    ...auth.services,
    startWorkers: () => startWorkers(runtime, modules),
  };
}

/** The one job map the outbox worker runs: job kind → handler, as the modules contribute them. */
function jobsOf(modules: readonly FeatureModule[]): Record<string, JobHandler> {
  return Object.assign({}, ...modules.map((m) => m.jobs ?? {}));
}

function startWorkers(runtime: Runtime, modules: readonly FeatureModule[]): Stoppable {
  if (!runtime.config.workers) return { stop: async () => {} };
  const started = modules.flatMap((m) => (m.start ? [m.start()] : []));
  return { stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
}
