import type { CertificateCategory, Platform } from "@lnca/contracts";

/**
 * A certificate's renewal price as the catalog gives it: its category's base fee plus the fee of each ticked
 * platform (SPEC J5). Only shown while choosing; the server computes the order's prices itself. Null while the
 * catalog does not know the category.
 */
export function renewalPriceFen(
  categoryCode: string,
  platformCodes: string[],
  categories: CertificateCategory[],
  platforms: Platform[],
): number | null {
  const category = categories.find((c) => c.code === categoryCode);
  if (!category) return null;
  let total = category.baseFeeFen;
  for (const code of platformCodes) total += platforms.find((p) => p.code === code)?.feeFen ?? 0;
  return total;
}
