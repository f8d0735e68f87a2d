import type { FeatureModule, Runtime } from "../../app/feature-module";
import { catalogRoutes } from "./catalog.routes";
import { CatalogService } from "./catalog.service";
import { CatalogAdminService } from "./catalog-admin.service";
import { VendorAdminService } from "./vendor-admin.service";
import { vendorsConsoleRoutes } from "./vendors-console.routes";

export interface CatalogServices {
  catalog: CatalogService;
  catalogAdmin: CatalogAdminService;
  vendorAdmin: VendorAdminService;
}

/** Platforms, certificate categories, vendors, service points and prices. */
export function catalogModule(runtime: Runtime): FeatureModule<CatalogServices> {
  const services = {
    catalog: new CatalogService(runtime.database),
    catalogAdmin: new CatalogAdminService(runtime.database, runtime.clock),
    vendorAdmin: new VendorAdminService(runtime.database, runtime.clock),
  };
  return {
    name: "catalog",
    services,
    routes: { portal: catalogRoutes(services), console: vendorsConsoleRoutes(services) },
  };
}
