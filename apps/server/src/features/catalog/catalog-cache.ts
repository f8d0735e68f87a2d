import type { DbOrTx } from "../../db/database";

/**
 * How long a process serves catalog reads from memory. Changes made through CatalogAdminService in this
 * process are seen at once (it invalidates); changes made by another server process on the same database
 * are seen within this time. Prices are also re-read inside each order's own transaction where they matter.
 */
export const CATALOG_CACHE_TTL_MS = 5_000;

/**
 * Memoised catalog reads (platforms, categories, vendors, service points, the price list): they change a few
 * times a year and are read on every page and every CA login. Values are the load promises, so concurrent
 * misses share one query; a failed load is forgotten; invalidate() drops everything, including loads still
 * in flight (their callers get what the database said when they asked, later callers load afresh).
 */
export class CatalogCache {
  private readonly entries = new Map<string, { expiresAt: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs = CATALOG_CACHE_TTL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > at) return hit.value as Promise<T>;
    const value = load();
    const entry = { expiresAt: at + this.ttlMs, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  invalidate(): void {
    this.entries.clear();
  }
}

/**
 * Catalog caches by database: every CatalogAdminService change on a database invalidates every cache reading
 * that database in this process, however the services were wired (the seed and tests build their own).
 */
const cachesByDb = new WeakMap<object, Set<CatalogCache>>();

export function catalogCacheFor(db: DbOrTx, ttlMs?: number): CatalogCache {
  const cache = new CatalogCache(ttlMs);
  const caches = cachesByDb.get(db) ?? new Set<CatalogCache>();
  caches.add(cache);
  cachesByDb.set(db, caches);
  return cache;
}

/** Called by CatalogAdminService after each committed change. */
export function catalogChanged(db: DbOrTx): void {
  for (const cache of cachesByDb.get(db) ?? []) cache.invalidate();
}
