import { AppError } from "../../shared/app-error";

export interface PriceList {
  baseFeeFen: ReadonlyMap<string, number>;
  platformFeeFen: ReadonlyMap<string, number>;
}

export interface PricedItem {
  categoryCode: string;
  platformCodes: readonly string[];
}

/**
 * The renewal price rule (SPEC J5): a certificate's price is its category's base fee plus the fee of every
 * platform it stays associated with. Integer fen throughout. Rejects unknown codes, a platform chosen twice
 * and a certificate with no platform, each with its own code.
 */
export function priceRenewal(
  prices: PriceList,
  items: readonly PricedItem[],
): { items: { priceFen: number }[]; totalFen: number } {
  if (items.length === 0) throw new AppError("CATALOG_NO_ITEMS");
  const priced = items.map((item, index) => {
    const base = prices.baseFeeFen.get(item.categoryCode);
    if (base === undefined) {
      throw new AppError("CATALOG_UNKNOWN_CATEGORY", `CA 证类别不存在：${item.categoryCode}`, { index });
    }
    if (item.platformCodes.length === 0) {
      throw new AppError("CATALOG_NO_PLATFORM", `第 ${index + 1} 张证书请至少选择一个应用平台`, { index });
    }
    const seen = new Set<string>();
    let priceFen = base;
    for (const code of item.platformCodes) {
      const fee = prices.platformFeeFen.get(code);
      if (fee === undefined) throw new AppError("CATALOG_UNKNOWN_PLATFORM", `应用平台不存在：${code}`, { index, code });
      if (seen.has(code)) {
        throw new AppError("CATALOG_DUPLICATE_PLATFORM", `第 ${index + 1} 张证书重复选择了应用平台：${code}`, {
          index,
          code,
        });
      }
      seen.add(code);
      priceFen += fee;
    }
    return { priceFen };
  });
  return { items: priced, totalFen: priced.reduce((sum, item) => sum + item.priceFen, 0) };
}
