import type { PaymentChannel } from "../../adapters/payments/payment-provider";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import { systemRoutes } from "./system.routes";

/** Health and the browser's configuration. */
export function systemModule(runtime: Runtime, deps: { paymentChannels: readonly PaymentChannel[] }): FeatureModule {
  return { name: "system", services: {}, routes: { portal: systemRoutes(runtime, deps) } };
}
