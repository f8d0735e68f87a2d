import type { CaAdapterFor } from "../../adapters/ca/ca-adapter";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import type { CertificateDirectory } from "../certificates/certificate-directory.service";
import type { ItemFulfilment } from "../renewals/item-fulfilment.service";
import { keyUpdatesRoutes } from "./keyupdates.routes";
import { KeyUpdateService } from "./keyupdates.service";

export interface KeyUpdatesServices {
  keyUpdates: KeyUpdateService;
}

/** Key updates (J6, 【更新数字证书】 / 自助年检): a paid renewal executed on the holder's key. */
export function keyUpdatesModule(
  runtime: Runtime,
  deps: { caAdapterFor: CaAdapterFor; items: ItemFulfilment; certificates: CertificateDirectory },
): FeatureModule<KeyUpdatesServices> {
  const keyUpdates = new KeyUpdateService({
    database: runtime.database,
    clock: runtime.clock,
    logger: runtime.logger,
    ...deps,
  });
  return { name: "keyupdates", services: { keyUpdates }, routes: { portal: keyUpdatesRoutes({ keyUpdates }) } };
}
