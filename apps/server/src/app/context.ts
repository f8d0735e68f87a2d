import { paymentChannels } from "@lnca/contracts";
import type { Logger } from "pino";
import type { LicenceRecognizer } from "../adapters/recognition/licence-recognizer";
import type { SmsSender } from "../adapters/sms/sms";
import type { Config } from "../config/config";
import type { DatabaseHandle } from "../db/database";
import { UnitOfWork } from "../db/unit-of-work";
import { type AuthServices, authModule } from "../features/auth/auth.module";
import { type CatalogServices, catalogModule } from "../features/catalog/catalog.module";
import { vendorIdOf } from "../features/catalog/catalog.service";
import type { CatalogAdminService } from "../features/catalog/catalog-admin.service";
import { type CertificatesServices, certificatesModule } from "../features/certificates/certificates.module";
import { type DownloadsServices, downloadsModule } from "../features/downloads/downloads.module";
import { type EnterprisesServices, enterprisesModule } from "../features/enterprises/enterprises.module";
import { type IdentitiesServices, identitiesModule } from "../features/identities/identities.module";
import { type InteropServices, interopModule } from "../features/interop/interop.module";
import { type InvoicesServices, invoicesModule } from "../features/invoices/invoices.module";
import { type KeyUpdatesServices, keyUpdatesModule } from "../features/keyupdates/keyupdates.module";
import { type LicencesServices, licencesModule } from "../features/licences/licences.module";
import { type NotificationsServices, notificationsModule } from "../features/notifications/notifications.module";
import type { JobHandlers } from "../features/outbox/outbox";
import { outboxModule } from "../features/outbox/outbox.module";
import { type PaymentsServices, paymentsModule } from "../features/payments/payments.module";
import { systemActor } from "../features/policy/actor";
import { type RemindersServices, remindersModule } from "../features/reminders/reminders.module";
import { type RenewalsServices, renewalsModule } from "../features/renewals/renewals.module";
import { systemModule } from "../features/system/system.module";
import { sealPlainIdNumbers } from "../features/users/accounts.service";
import { type UsersServices, usersModule } from "../features/users/users.module";
import { AppError } from "../shared/app-error";
import { type Clock, systemClock } from "../shared/clock";
import { PersonalDataVault } from "../shared/personal-data";
import { type Adapters, createAdapters } from "./adapters";
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
  IdentitiesServices &
  LicencesServices &
  RenewalsServices &
  PaymentsServices &
  InvoicesServices &
  KeyUpdatesServices &
  RemindersServices &
  InteropServices &
  AuthServices &
  UsersServices &
  DownloadsServices & {
    adapters: Adapters;
    /** The platform's own CA (adapters.ca): its chain and root, for seeds, tests and the bench. */
    ca: Adapters["ca"];
    modules: readonly FeatureModule[];
    /** Starts this process's outbox worker and the modules' timers (when enabled); returns how to stop them. */
    startWorkers(): Stoppable;
  };

const BUILTIN_CA_VENDOR = "CFCA";

/** The vendor the built-in CA stands in for (its roots are registered as that vendor's). */
async function builtinCaVendorId(runtime: Runtime, catalogAdmin: CatalogAdminService): Promise<string> {
  return (
    (await vendorIdOf(runtime.database.db, BUILTIN_CA_VENDOR)) ??
    (await catalogAdmin.createVendor(systemActor, { code: BUILTIN_CA_VENDOR, name: "中国金融认证中心（CFCA）" }))
  );
}

/** The composition root: picks the adapters, builds each module from the ones it depends on, wires them. */
export async function createContext(deps: {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  clock?: Clock;
  smsSender?: SmsSender;
  recognizer?: LicenceRecognizer;
  paymentProviders?: Adapters["payments"];
}): Promise<AppContext> {
  const { config, logger } = deps;
  const runtime: Runtime = {
    config,
    logger,
    database: new UnitOfWork(deps.database),
    clock: deps.clock ?? systemClock,
    vault: await PersonalDataVault.fromSecret(config.secretKey),
  };
  await sealPlainIdNumbers(runtime.database, runtime.vault, runtime.clock.now());
  const catalog = catalogModule(runtime);
  const vendorId = await builtinCaVendorId(runtime, catalog.services.catalogAdmin);
  const adapters = await createAdapters({
    config,
    db: runtime.database.db,
    clock: runtime.clock,
    logger,
    builtinCaVendorId: vendorId,
    builtinCaVendorCode: BUILTIN_CA_VENDOR,
    smsSender: deps.smsSender,
    recognizer: deps.recognizer,
    paymentProviders: deps.paymentProviders,
  });
  const { ca } = adapters;
  const notifications = notificationsModule(runtime, { smsSender: adapters.sms, mailer: adapters.mailer });
  const certificates = await certificatesModule(runtime, { ca, vendorId, catalog: catalog.services.catalog });
  const auth = authModule(runtime, {
    sms: notifications.services.sms,
    trust: certificates.services.trust,
    catalog: catalog.services.catalog,
  });
  const licences = licencesModule(runtime, { recognizer: adapters.recognizer });
  const enterprises = enterprisesModule(runtime, {
    storage: adapters.storage,
    catalog: catalog.services.catalog,
    sms: notifications.services.sms,
    licences: licences.services.licenceRecognition,
  });
  const identities = identitiesModule(runtime, {
    sessions: auth.services.sessions,
    sms: notifications.services.sms,
  });
  const users = usersModule(runtime, { smsCodes: auth.services.smsCodes, storage: adapters.storage });
  const invoices = invoicesModule(runtime, {
    storage: adapters.storage,
    enterprises: enterprises.services.enterprises,
    mail: notifications.services.mail,
  });
  const renewals = renewalsModule(runtime, { catalog: catalog.services.catalog });
  renewals.services.renewalOrders.onClosing(invoices.services.invoiceRequests);
  const payments = paymentsModule(runtime, {
    providers: adapters.payments,
    orders: renewals.services.renewalOrders,
    settlement: renewals.services.orderSettlement,
    invoices: invoices.services.invoiceRequests,
  });
  const interop = interopModule(runtime, { trust: certificates.services.trust });
  const keyUpdates = keyUpdatesModule(runtime, {
    caAdapterFor: adapters.caAdapterFor,
    items: renewals.services.itemFulfilment,
    certificates: certificates.services.certificates,
  });
  const downloads = downloadsModule(runtime);
  const reminders = remindersModule(runtime, { sms: notifications.services.sms, mail: notifications.services.mail });
  keyUpdates.services.keyUpdates.onCertificateRenewed(interop.services.interopEvents);
  const features: FeatureModule[] = [
    systemModule(runtime, {
      paymentChannels: paymentChannels.filter((channel) => adapters.payments[channel]),
    }),
    catalog,
    auth,
    certificates,
    notifications,
    enterprises,
    identities,
    users,
    licences,
    renewals,
    payments,
    invoices,
    keyUpdates,
    downloads,
    reminders,
    interop,
  ];
  const modules = [...features, outboxModule(runtime, jobsOf(features))];
  return {
    ...runtime,
    adapters,
    ca,
    modules,
    ...catalog.services,
    ...certificates.services,
    ...notifications.services,
    ...enterprises.services,
    ...identities.services,
    ...auth.services,
    ...users.services,
    ...licences.services,
    ...renewals.services,
    ...payments.services,
    ...invoices.services,
    ...keyUpdates.services,
    ...downloads.services,
    ...reminders.services,
    ...interop.services,
    startWorkers: () => startWorkers(runtime, modules),
  };
}

/**
 * Every declared job kind (features/outbox/outbox.ts), as a record so that a kind declared without an entry
 * here does not compile; jobsOf then refuses to start when a module gives no handler for one.
 */
const DECLARED_JOB_KINDS: Record<keyof JobHandlers, true> = {
  "sms.send": true,
  "mail.send": true,
  "payments.close": true,
  "payments.refund": true,
  "interop.webhook": true,
};

/** The one job map the outbox worker runs: job kind → handler, as the modules contribute them. */
export function jobsOf(modules: readonly FeatureModule[]): JobHandlers {
  const jobs: Partial<JobHandlers> = Object.assign({}, ...modules.map((m) => m.jobs ?? {}));
  const missing = (Object.keys(DECLARED_JOB_KINDS) as (keyof JobHandlers)[]).filter((kind) => !jobs[kind]);
  if (missing.length > 0)
    throw new AppError("INTERNAL_ERROR", `outbox job kinds without a handler: ${missing.join(", ")}`);
  return jobs as JobHandlers;
}

function startWorkers(runtime: Runtime, modules: readonly FeatureModule[]): Stoppable {
  if (!runtime.config.workers) return { stop: async () => {} };
  const started = modules.flatMap((m) => (m.start ? [m.start()] : []));
  return { stop: async () => void (await Promise.all(started.map((s) => s.stop()))) };
}
