import type { LicenceRecognizer } from "../../adapters/recognition/licence-recognizer";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import { licencesRoutes } from "./licences.routes";
import { LicenceRecognitionService } from "./licences.service";

export interface LicencesServices {
  licenceRecognition: LicenceRecognitionService;
}

/** Business licences (营业执照): reading one for the enterprise form (docs/LICENCE-RECOGNITION.md). */
export function licencesModule(
  runtime: Runtime,
  deps: { recognizer: LicenceRecognizer },
): FeatureModule<LicencesServices> {
  const { database, clock, logger } = runtime;
  const services: LicencesServices = {
    licenceRecognition: new LicenceRecognitionService({ database, clock, logger, recognizer: deps.recognizer }),
  };
  return { name: "licences", services, routes: { portal: licencesRoutes(services) } };
}
