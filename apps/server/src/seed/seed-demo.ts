import type { AppContext } from "../app/context";
import { CatalogAdminService } from "../features/catalog/catalog-admin.service";
import { seedCatalog } from "./seed-catalog";

/** Seeds the demo on first start of an empty database (no platforms yet); later starts change nothing. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const existing = await ctx.database.db.selectFrom("platforms").select("id").limit(1).executeTakeFirst();
  if (existing) return false;
  await seedCatalog(new CatalogAdminService(ctx.database.db, ctx.clock));
  ctx.logger.info("演示数据已创建");
  return true;
}
