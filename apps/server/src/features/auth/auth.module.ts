import { everyInterval, type FeatureModule, type Runtime } from "../../app/feature-module";
import { purgeStaleRateLimits } from "../../shared/rate-limit";
import type { CatalogService } from "../catalog/catalog.service";
import type { TrustService } from "../certificates/trust.service";
import type { SmsService } from "../notifications/sms.service";
import { authRoutes } from "./auth.routes";
import { BindingService } from "./binding.service";
import { CaLoginService } from "./ca-login.service";
import { ChallengeService } from "./challenges.service";
import { consoleAuthRoutes } from "./console-auth.routes";
import { SessionService } from "./sessions.service";
import { SmsCodeService } from "./sms-codes.service";
import { SmsLoginService } from "./sms-login.service";
import { StaffAuthService } from "./staff-auth.service";

export interface AuthServices {
  sessions: SessionService;
  smsCodes: SmsCodeService;
  challenges: ChallengeService;
  caLogin: CaLoginService;
  binding: BindingService;
  smsLogin: SmsLoginService;
  staffAuth: StaffAuthService;
}

const CHALLENGE_PURGE_MS = 600_000;

/** Signing in: challenges, CA login, binding, SMS codes and login, sessions, the operator console's login. */
export function authModule(
  runtime: Runtime,
  deps: { sms: SmsService; trust: TrustService; catalog: CatalogService },
): FeatureModule<AuthServices> {
  const { config, database, clock, logger, vault } = runtime;
  const sessions = new SessionService(clock, config.sessionTtlMs);
  const smsCodes = new SmsCodeService({ database, sms: deps.sms, clock, secret: config.secretKey });
  const challenges = new ChallengeService({
    database,
    clock,
    ttlMs: config.challengeTtlMs,
    secretKey: config.secretKey,
  });
  const services: AuthServices = {
    sessions,
    smsCodes,
    challenges,
    caLogin: new CaLoginService({ database, clock, challenges, sessions, trust: deps.trust, catalog: deps.catalog }),
    binding: new BindingService({ database, clock, smsCodes, sessions, vault }),
    smsLogin: new SmsLoginService({ database, clock, smsCodes, sessions }),
    staffAuth: new StaffAuthService(database, clock, sessions),
  };
  const routeDeps = { ...runtime, ...services };
  return {
    name: "auth",
    services,
    routes: { portal: authRoutes(routeDeps), console: consoleAuthRoutes(routeDeps) },
    start: () => {
      // Used-challenge records are needed only until the challenge expires (then its expiry refuses it).
      const challengePurge = everyInterval(logger, "challenge purge", CHALLENGE_PURGE_MS, () =>
        challenges.purgeExpired(),
      );
      const rateLimitPurge = everyInterval(logger, "rate-limit purge", CHALLENGE_PURGE_MS, () =>
        purgeStaleRateLimits(database.db, clock.now()),
      );
      return { stop: async () => void (await Promise.all([challengePurge.stop(), rateLimitPurge.stop()])) };
    },
  };
}
