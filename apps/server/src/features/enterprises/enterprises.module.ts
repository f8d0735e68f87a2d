import type { FeatureModule, Runtime } from "../../app/feature-module";
import { EnterpriseDirectory } from "./enterprise-directory.service";
import { enterprisesConsoleRoutes, enterprisesRoutes } from "./enterprises.routes";

export interface EnterprisesServices {
  enterprises: EnterpriseDirectory;
}

/** Enterprises: created from a certificate on first sight (ensureEnterprise), read by members and staff. */
export function enterprisesModule(runtime: Runtime): FeatureModule<EnterprisesServices> {
  const services = { enterprises: new EnterpriseDirectory(runtime.database) };
  return {
    name: "enterprises",
    services,
    routes: { portal: enterprisesRoutes(services), console: enterprisesConsoleRoutes(services) },
  };
}
