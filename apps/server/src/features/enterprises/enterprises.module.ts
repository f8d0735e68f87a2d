import type { ObjectStorage } from "../../adapters/storage/object-storage";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import type { CatalogService } from "../catalog/catalog.service";
import { FileStore } from "../files/files.service";
import type { LicenceRecognitionService } from "../licences/licences.service";
import type { SmsService } from "../notifications/sms.service";
import { EnterpriseDirectory } from "./enterprise-directory.service";
import { enterpriseInformationRoutes } from "./enterprise-information.routes";
import { EnterpriseInformationService } from "./enterprise-information.service";
import { enterpriseReviewRoutes } from "./enterprise-review.routes";
import { EnterpriseReviewService } from "./enterprise-review.service";
import { RevisionViews } from "./enterprise-revision.view";
import { enterprisesConsoleRoutes, enterprisesRoutes } from "./enterprises.routes";
import { renderSealCollectionForm } from "./seal-form/seal-collection-form";

export interface EnterprisesServices {
  enterprises: EnterpriseDirectory;
  enterpriseInformation: EnterpriseInformationService;
  enterpriseReviews: EnterpriseReviewService;
}

/**
 * Enterprises: created from a certificate on first sight (ensureEnterprise), read by members and staff; their
 * information filled in by the administrator in three steps (J3) and decided by the reviewers (审核队列).
 */
export function enterprisesModule(
  runtime: Runtime,
  deps: { storage: ObjectStorage; catalog: CatalogService; sms: SmsService; licences: LicenceRecognitionService },
): FeatureModule<EnterprisesServices> {
  const { database, clock, vault } = runtime;
  const files = new FileStore(deps.storage, vault);
  const views = new RevisionViews({ database, vault, files, catalog: deps.catalog });
  const services: EnterprisesServices = {
    enterprises: new EnterpriseDirectory(database),
    enterpriseInformation: new EnterpriseInformationService({
      database,
      clock,
      vault,
      files,
      catalog: deps.catalog,
      licences: deps.licences,
      renderSealForm: renderSealCollectionForm,
      views,
    }),
    enterpriseReviews: new EnterpriseReviewService({ database, clock, sms: deps.sms, views }),
  };
  const portal = enterprisesRoutes(services);
  const information = enterpriseInformationRoutes({ information: services.enterpriseInformation });
  const console = enterprisesConsoleRoutes(services);
  const reviews = enterpriseReviewRoutes({ reviews: services.enterpriseReviews });
  return {
    name: "enterprises",
    services,
    routes: {
      // Each its own plugin under the module's prefix (information registers multipart for itself only).
      portal: async (app) => {
        await app.register(portal);
        await app.register(information);
      },
      console: async (app) => {
        await app.register(console);
        await app.register(reviews);
      },
    },
  };
}
