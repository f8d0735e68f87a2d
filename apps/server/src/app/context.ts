import type { Logger } from "pino";
import type { PlatformCa } from "../adapters/ca/ca-adapter";
import type { SmsSender } from "../adapters/sms/sms";
import type { Config } from "../config/config";
import type { DatabaseHandle } from "../db/database";
import { GroupCommit } from "../db/group-commit";
import { systemActor } from "../features/audit/audit";
import { BindingService } from "../features/auth/binding.service";
import { CaLoginService } from "../features/auth/ca-login.service";
import { ChallengeService } from "../features/auth/challenges.service";
import { SessionService } from "../features/auth/sessions.service";
import { SmsCodeService } from "../features/auth/sms-codes.service";
import { SmsLoginService } from "../features/auth/sms-login.service";
import { StaffAuthService } from "../features/auth/staff-auth.service";
import { findVendorByCode } from "../features/catalog/catalog.queries";
import { CatalogService } from "../features/catalog/catalog.service";
import { CatalogAdminService } from "../features/catalog/catalog-admin.service";
import { CertificateAdminService } from "../features/certificates/certificate-admin.service";
import { IssuanceService } from "../features/certificates/issuance.service";
import { RegistryImportService } from "../features/certificates/registry-import.service";
import { TrustService } from "../features/certificates/trust.service";
import { SmsService } from "../features/notifications/sms.service";
import type { JobHandlers } from "../features/outbox/outbox";
import { OutboxWorker } from "../features/outbox/outbox.worker";
import { type Clock, systemClock } from "../shared/clock";
import { type Adapters, createAdapters } from "./adapters";

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
  catalogAdmin: CatalogAdminService;
  ca: PlatformCa;
  adapters: Adapters;
  trust: TrustService;
  certificateAdmin: CertificateAdminService;
  registry: RegistryImportService;
  issuance: IssuanceService;
  sms: SmsService;
  smsCodes: SmsCodeService;
  challenges: ChallengeService;
  caLogin: CaLoginService;
  binding: BindingService;
  smsLogin: SmsLoginService;
  staffAuth: StaffAuthService;
  /** Starts this process's outbox worker and CRL refresh (when enabled); returns how to stop them. */
  startWorkers(): { stop(): Promise<void> };
}

const BUILTIN_CA_VENDOR = "CFCA";

export async function createContext(deps: {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  clock?: Clock;
  smsSender?: SmsSender;
}): Promise<AppContext> {
  const { config, database, logger } = deps;
  const db = database.db;
  const clock = deps.clock ?? systemClock;
  const catalogAdmin = new CatalogAdminService(db, clock);
  const vendorId =
    (await findVendorByCode(db, BUILTIN_CA_VENDOR))?.id ??
    (await catalogAdmin.createVendor(systemActor, { code: BUILTIN_CA_VENDOR, name: "中国金融认证中心（CFCA）" }));
  const adapters = await createAdapters({
    config,
    db,
    clock,
    logger,
    builtinCaVendorId: vendorId,
    smsSender: deps.smsSender,
  });
  const { ca } = adapters;
  const trust = new TrustService(db, clock);
  const certificateAdmin = new CertificateAdminService(db, clock, ca, trust);
  await certificateAdmin.refreshCrl(false);
  const sessions = new SessionService(clock, config.sessionTtlMs);
  const sms = new SmsService(db, adapters.sms, clock);
  const smsCodes = new SmsCodeService(db, sms, clock, config.secretKey);
  const challenges = new ChallengeService(db, clock, config.challengeTtlMs, config.secretKey);
  const catalog = new CatalogService(db);
  return {
    config,
    database,
    logger,
    clock,
    sessions,
    catalog,
    catalogAdmin,
    ca,
    adapters,
    trust,
    certificateAdmin,
    registry: new RegistryImportService(db, clock),
    issuance: new IssuanceService(db, clock, ca, vendorId),
    sms,
    smsCodes,
    challenges,
    caLogin: new CaLoginService(db, new GroupCommit(db, database.kind), clock, challenges, trust, sessions, catalog),
    binding: new BindingService(db, clock, smsCodes, sessions),
    smsLogin: new SmsLoginService(db, clock, smsCodes, sessions),
    staffAuth: new StaffAuthService(db, clock, sessions),
    startWorkers: () => {
      if (!config.workers) return { stop: async () => {} };
      const jobHandlers: JobHandlers = { "sms.send": sms.sendJob };
      const worker = new OutboxWorker(database, jobHandlers, logger);
      worker.start();
      const crlTimer = setInterval(
        () => void certificateAdmin.refreshCrl(false).catch((err) => logger.error({ err }, "CRL refresh failed")),
        3_600_000,
      );
      crlTimer.unref();
      // Used-challenge records are needed only until the challenge expires (then its expiry refuses it).
      const challengeTimer = setInterval(
        () => void challenges.purgeExpired().catch((err) => logger.error({ err }, "challenge purge failed")),
        600_000,
      );
      challengeTimer.unref();
      return {
        stop: async () => {
          clearInterval(crlTimer);
          clearInterval(challengeTimer);
          await worker.stop();
        },
      };
    },
  };
}
