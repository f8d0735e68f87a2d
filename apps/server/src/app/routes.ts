import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FeatureModule } from "./feature-module";

/** Every module's routes under /api/v1: portal routes at its root, console routes under /console. */
export const registerFeatureRoutes =
  (modules: readonly FeatureModule[]): FastifyPluginAsyncZod =>
  async (app) => {
    for (const module of modules) {
      if (module.routes?.portal) await app.register(module.routes.portal);
      if (module.routes?.console) await app.register(module.routes.console, { prefix: "/console" });
    }
  };
