import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { catalogRoutes } from "../features/catalog/catalog.routes";
import { systemRoutes } from "../features/system/system.routes";
import type { AppContext } from "./context";

/** Every feature's routes under /api/v1. */
export const registerFeatureRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(systemRoutes(ctx));
    await app.register(catalogRoutes(ctx));
  };
