import type { CertificateCategory, Platform } from "@lnca/contracts";
import { formatYuan } from "@lnca/contracts";

interface PriceBreakdownProps {
  category: CertificateCategory | undefined;
  platforms: Platform[];
  /** The server's quote; the lines above it only explain where it comes from. */
  totalFen: number | undefined;
}

export function PriceBreakdown({ category, platforms, totalFen }: PriceBreakdownProps) {
  return (
    <div className="price-breakdown">
      <ul>
        {category && (
          <li>
            <span>{category.name}（证类别基础费用）</span>
            <span>{formatYuan(category.baseFeeFen)} 元</span>
          </li>
        )}
        {platforms.map((platform) => (
          <li key={platform.code}>
            <span>{platform.name}</span>
            <span>{formatYuan(platform.feeFen)} 元</span>
          </li>
        ))}
      </ul>
      <div className="price-total">
        <span>合计（每年）</span>
        <strong data-testid="price-total">{totalFen === undefined ? "—" : `${formatYuan(totalFen)} 元`}</strong>
      </div>
    </div>
  );
}
