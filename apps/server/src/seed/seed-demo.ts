import type { AppContext } from "../app/context";
import { seedCatalog } from "./seed-catalog";
import { seedDemoEnterpriseInformation } from "./seed-enterprises";
import { seedDemoInterop } from "./seed-interop";
import { seedDemoPeople } from "./seed-people";

/** Seeds the demo on first start of an empty database (no platforms yet); later starts change nothing. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  if ((await ctx.catalog.platforms()).length > 0) return false;
  await seedCatalog(ctx.catalogAdmin);
  const softTokenFile = await seedDemoPeople(ctx);
  await seedDemoEnterpriseInformation(ctx);
  await seedDemoInterop(ctx);
  ctx.logger.info({ softTokenFile }, "演示数据已创建");
  return true;
}
