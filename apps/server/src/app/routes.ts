import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authRoutes } from "../features/auth/auth.routes";
import { catalogRoutes } from "../features/catalog/catalog.routes";
import { caRoutes } from "../features/certificates/ca.routes";
import { consoleRoutes } from "../features/console/console.routes";
import { systemRoutes } from "../features/system/system.routes";
import type { AppContext } from "./context";

/** Every feature's routes under /api/v1. */
export const registerFeatureRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(systemRoutes(ctx));
    await app.register(catalogRoutes(ctx));
    await app.register(authRoutes(ctx));
    await app.register(caRoutes(ctx));
    await app.register(consoleRoutes(ctx));
  };
