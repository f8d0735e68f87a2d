import type { CatalogAdminService } from "../features/catalog/catalog-admin.service";
import { systemActor } from "../features/policy/actor";
import { demoCategories, demoPlatforms, demoServicePoints, demoVendors } from "./demo-catalog";

export async function seedCatalog(admin: CatalogAdminService): Promise<void> {
  for (const [i, category] of demoCategories.entries()) {
    await admin.createCategory(systemActor, { ...category, sortOrder: i });
  }
  for (const [i, platform] of demoPlatforms.entries()) {
    await admin.createPlatform(systemActor, { ...platform, sortOrder: i });
  }
  // The built-in CA registers its vendor at start, so it may already be there.
  for (const vendor of demoVendors) {
    if (!(await admin.findVendor(vendor.code))) await admin.createVendor(systemActor, vendor);
  }
  for (const point of demoServicePoints) await admin.createServicePoint(systemActor, point);
}
