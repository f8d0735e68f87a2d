import type { CertificateCategory, Platform, QuoteRequest, QuoteResponse } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import { listActivePlatforms, listCategories, listServicePoints, listVendors } from "./catalog.queries";
import { type PriceList, priceRenewal } from "./pricing";

/** The public catalog: what can be renewed, on which platforms, at what price. */
export class CatalogService {
  constructor(private readonly db: DbOrTx) {}

  async platforms(): Promise<Platform[]> {
    const rows = await listActivePlatforms(this.db);
    return rows.map((r) => ({ code: r.code, name: r.name, feeFen: r.fee_fen }));
  }

  async categories(): Promise<CertificateCategory[]> {
    const rows = await listCategories(this.db);
    return rows.map((r) => ({ code: r.code, name: r.name, baseFeeFen: r.base_fee_fen }));
  }

  async vendors() {
    const rows = await listVendors(this.db);
    return rows.map((r) => ({ code: r.code, name: r.name }));
  }

  servicePoints() {
    return listServicePoints(this.db);
  }

  async quote(request: QuoteRequest): Promise<QuoteResponse> {
    return priceRenewal(await this.priceList(), request.items);
  }

  async priceList(): Promise<PriceList> {
    const [categories, platforms] = await Promise.all([listCategories(this.db), listActivePlatforms(this.db)]);
    return {
      baseFeeFen: new Map(categories.map((c) => [c.code, c.base_fee_fen])),
      platformFeeFen: new Map(platforms.map((p) => [p.code, p.fee_fen])),
    };
  }
}
