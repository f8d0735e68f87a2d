import type { FeatureModule, Runtime } from "../../app/feature-module";
import type { TrustService } from "../certificates/trust.service";
import { CertificateVerification } from "./certificate-verification.service";
import { interopRoutes } from "./interop.routes";
import { interopConsoleRoutes } from "./interop-console.routes";
import { PlatformCredentials } from "./platform-credentials.service";
import { InteropEvents } from "./webhook-events.service";
import { WebhookSender } from "./webhook-sender";

export interface InteropServices {
  platformCredentials: PlatformCredentials;
  certificateVerification: CertificateVerification;
  /** What a key update calls in its transaction: `interopEvents.certificateRenewed(trx, …)`. */
  interopEvents: InteropEvents;
}

/**
 * Platform interoperability: the trading platforms' API (verify a certificate), their credentials, and the
 * signed webhooks on renewal and disassociation (the `interop.webhook` job).
 */
export function interopModule(runtime: Runtime, deps: { trust: TrustService }): FeatureModule<InteropServices> {
  const { database, clock, vault } = runtime;
  const platformCredentials = new PlatformCredentials(database, clock, vault);
  const services = {
    platformCredentials,
    certificateVerification: new CertificateVerification(database, clock, deps.trust),
    interopEvents: new InteropEvents(database, clock),
  };
  const sender = new WebhookSender(database, clock, platformCredentials);
  return {
    name: "interop",
    services,
    routes: { portal: interopRoutes(services), console: interopConsoleRoutes(services) },
    jobs: { "interop.webhook": sender.deliverJob },
  };
}
