import type { ObjectStorage } from "../../adapters/storage/object-storage";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import type { SmsCodeService } from "../auth/sms-codes.service";
import { FileStore } from "../files/files.service";
import { IdScanService } from "./id-scans.service";
import { MobileChangeService } from "./mobile-change.service";
import { ProfileService } from "./profile.service";
import { usersConsoleRoutes, usersRoutes } from "./users.routes";

export interface UsersServices {
  profiles: ProfileService;
  mobileChange: MobileChangeService;
  idScans: IdScanService;
}

/** People's own information (个人信息): profile, mobile change by SMS, ID-card scans (sealed at rest). */
export function usersModule(
  runtime: Runtime,
  deps: { smsCodes: SmsCodeService; storage: ObjectStorage },
): FeatureModule<UsersServices> {
  const { database, clock, vault } = runtime;
  const files = new FileStore(deps.storage, vault);
  const profiles = new ProfileService({ database, clock, vault, files });
  const services: UsersServices = {
    profiles,
    mobileChange: new MobileChangeService({ database, clock, smsCodes: deps.smsCodes, profiles }),
    idScans: new IdScanService({ database, clock, files, profiles }),
  };
  return {
    name: "users",
    services,
    routes: { portal: usersRoutes(services), console: usersConsoleRoutes(services) },
  };
}
