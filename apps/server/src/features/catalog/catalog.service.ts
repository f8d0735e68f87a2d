import type { CertificateCategory, Platform, QuoteRequest, QuoteResponse } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import { listActivePlatforms, listCategories, listServicePoints, listVendors } from "./catalog.queries";
import { type CatalogCache, catalogCacheFor } from "./catalog-cache";
import { type PriceList, priceRenewal } from "./pricing";

/**
 * The public catalog: what can be renewed, on which platforms, at what price. Reads are served from memory
 * (catalog-cache.ts: invalidated by CatalogAdminService, at most CATALOG_CACHE_TTL_MS old otherwise); the
 * values are frozen because every caller shares them.
 */
export class CatalogService {
  private readonly cache: CatalogCache;

  constructor(
    private readonly db: DbOrTx,
    options: { ttlMs?: number } = {},
  ) {
    this.cache = catalogCacheFor(db, options.ttlMs);
  }

  platforms(): Promise<Platform[]> {
    return this.cache.get("platforms", async () =>
      frozen((await listActivePlatforms(this.db)).map((r) => ({ code: r.code, name: r.name, feeFen: r.fee_fen }))),
    );
  }

  categories(): Promise<CertificateCategory[]> {
    return this.cache.get("categories", async () =>
      frozen((await listCategories(this.db)).map((r) => ({ code: r.code, name: r.name, baseFeeFen: r.base_fee_fen }))),
    );
  }

  /** The codes of all certificate categories (a login keeps a certificate's category only when known). */
  categoryCodes(): Promise<ReadonlySet<string>> {
    return this.cache.get("categoryCodes", async () => new Set((await this.categories()).map((c) => c.code)));
  }

  vendors(): Promise<{ code: string; name: string }[]> {
    return this.cache.get("vendors", async () =>
      frozen((await listVendors(this.db)).map((r) => ({ code: r.code, name: r.name }))),
    );
  }

  servicePoints(): Promise<{ code: string; name: string; city: string }[]> {
    return this.cache.get("servicePoints", async () => frozen(await listServicePoints(this.db)));
  }

  async quote(request: QuoteRequest): Promise<QuoteResponse> {
    return priceRenewal(await this.priceList(), request.items);
  }

  priceList(): Promise<PriceList> {
    return this.cache.get("priceList", async () => {
      const [categories, platforms] = await Promise.all([this.categories(), this.platforms()]);
      return {
        baseFeeFen: new Map(categories.map((c) => [c.code, c.baseFeeFen])),
        platformFeeFen: new Map(platforms.map((p) => [p.code, p.feeFen])),
      };
    });
  }
}

function frozen<T extends object>(rows: T[]): T[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows) as T[];
}
