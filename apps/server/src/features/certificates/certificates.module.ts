import type { PlatformCa } from "../../adapters/ca/ca-adapter";
import { everyInterval, type FeatureModule, type Runtime } from "../../app/feature-module";
import type { CatalogService } from "../catalog/catalog.service";
import { caRoutes } from "./ca.routes";
import { CertificateAdminService } from "./certificate-admin.service";
import { CertificateDirectory } from "./certificate-directory.service";
import { certificatesRoutes } from "./certificates.routes";
import { IssuanceService } from "./issuance.service";
import { registryImportConsoleRoutes } from "./registry-import.routes";
import { RegistryImportService } from "./registry-import.service";
import { TrustService } from "./trust.service";
import { vendorTrustConsoleRoutes } from "./vendor-trust.routes";
import { VendorTrustService } from "./vendor-trust.service";

export interface CertificatesServices {
  certificates: CertificateDirectory;
  trust: TrustService;
  certificateAdmin: CertificateAdminService;
  registry: RegistryImportService;
  issuance: IssuanceService;
  vendorTrust: VendorTrustService;
}

const CRL_REFRESH_MS = 3_600_000;

/**
 * Certificates: the trust store, issuance, revocation and the CRL, the old platform's registry. The CA is the
 * adapter the composition root chose; its CRL is brought up to date before the module serves anything.
 */
export async function certificatesModule(
  runtime: Runtime,
  deps: { ca: PlatformCa; vendorId: string; catalog: CatalogService },
): Promise<FeatureModule<CertificatesServices>> {
  const { database, clock, logger } = runtime;
  const { ca } = deps;
  const trust = new TrustService(database, clock);
  const certificateAdmin = new CertificateAdminService({ database, clock, ca, trust });
  await certificateAdmin.refreshCrl(false);
  const services = {
    certificates: new CertificateDirectory(database),
    trust,
    certificateAdmin,
    registry: new RegistryImportService(database, clock, deps.catalog),
    issuance: new IssuanceService({ database, clock, ca, vendorId: deps.vendorId, catalog: deps.catalog }),
    vendorTrust: new VendorTrustService({ database, clock, trust }),
  };
  return {
    name: "certificates",
    services,
    routes: {
      portal: async (app) => {
        await app.register(caRoutes({ ca }));
        await app.register(certificatesRoutes(services));
      },
      console: async (app) => {
        await app.register(registryImportConsoleRoutes(services));
        await app.register(vendorTrustConsoleRoutes(services));
      },
    },
    start: () => everyInterval(logger, "CRL refresh", CRL_REFRESH_MS, () => certificateAdmin.refreshCrl(false)),
  };
}
