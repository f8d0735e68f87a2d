import type { CertificateCategory, Platform, QuoteRequest, QuoteResponse } from "@lnca/contracts";
import type { CaVendor } from "../../adapters/ca/ca-adapter";
import type { DbOrTx } from "../../db/database";
import type { CertificateCategoriesTable } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import {
  findVendorByCode,
  findVendorById,
  listActivePlatforms,
  listCategories,
  listServicePoints,
  listVendors,
} from "./catalog.queries";
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
    private readonly database: UnitOfWork,
    options: { ttlMs?: number } = {},
  ) {
    this.cache = catalogCacheFor(database.db, options.ttlMs);
  }

  platforms(): Promise<Platform[]> {
    return this.cache.get("platforms", async () =>
      frozen(
        (await listActivePlatforms(this.database.db)).map((r) => ({ code: r.code, name: r.name, feeFen: r.fee_fen })),
      ),
    );
  }

  categories(): Promise<CertificateCategory[]> {
    return this.cache.get("categories", async () =>
      frozen(
        (await listCategories(this.database.db)).map((r) => ({
          code: r.code,
          name: r.name,
          baseFeeFen: r.base_fee_fen,
        })),
      ),
    );
  }

  /** The codes of all certificate categories (a login keeps a certificate's category only when known). */
  categoryCodes(): Promise<ReadonlySet<string>> {
    return this.cache.get("categoryCodes", async () => new Set((await this.categories()).map((c) => c.code)));
  }

  vendors(): Promise<{ code: string; name: string }[]> {
    return this.cache.get("vendors", async () =>
      frozen((await listVendors(this.database.db)).map((r) => ({ code: r.code, name: r.name }))),
    );
  }

  servicePoints(): Promise<{ code: string; name: string; city: string }[]> {
    return this.cache.get("servicePoints", async () => frozen(await listServicePoints(this.database.db)));
  }

  /**
   * Read afresh, not from the cache, for rows that other features write: active platforms' ids by code, and
   * each category's holder kind by code.
   */
  async activePlatformIdsByCode(): Promise<Map<string, string>> {
    return new Map((await listActivePlatforms(this.database.db)).map((p) => [p.code, p.id]));
  }

  async categoryHolderKinds(): Promise<Map<string, CertificateCategoriesTable["holder_kind"]>> {
    return new Map((await listCategories(this.database.db)).map((c) => [c.code, c.holder_kind]));
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

/** A vendor's code, read in the caller's transaction (other features hold vendor ids). */
export async function vendorCodeOf(db: DbOrTx, vendorId: string): Promise<string | null> {
  return (await findVendorById(db, vendorId))?.code ?? null;
}

/** A vendor's id by its code, if the catalog has it. */
export async function vendorIdOf(db: DbOrTx, code: string): Promise<string | null> {
  return (await findVendorByCode(db, code))?.id ?? null;
}

/** A vendor's code and the CA adapter that renews its certificates (the key update asks it which one). */
export async function caVendorOf(db: DbOrTx, vendorId: string): Promise<CaVendor | null> {
  const row = await findVendorById(db, vendorId);
  return row ? { id: row.id, code: row.code, adapter: row.adapter, est_url: row.est_url } : null;
}
