import type { FeatureModule, Runtime } from "../../app/feature-module";
import { systemRoutes } from "./system.routes";

/** Health and the browser's configuration. */
export function systemModule(runtime: Runtime): FeatureModule {
  return { name: "system", services: {}, routes: { portal: systemRoutes(runtime) } };
}
