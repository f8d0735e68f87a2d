import { Card, Descriptions } from "antd";
import type { ReactNode } from "react";
import { PlatformNames } from "../../shared/PlatformNames";
import { yuan } from "../../shared/yuan";
import { formatDate } from "../../time";

export interface RenewalItemView {
  holderName: string;
  categoryName: string;
  vendor: string;
  notAfter: string | null;
  priceFen: number | null;
  previousPlatformCodes: string[];
  platformCodes: string[];
  /** Names the order stored with its platforms (the catalog may have renamed them since). */
  platformNames?: Record<string, string>;
  extra?: ReactNode;
}

/** One certificate of an order (guide 图 4–5): who, which key, its price, 原关联平台 vs 现关联平台. */
export function RenewalItemCard({ item }: { item: RenewalItemView }) {
  const dropped = item.previousPlatformCodes.filter((code) => !item.platformCodes.includes(code));
  return (
    <Card size="small" className="section-gap" data-testid="renewal-item" extra={item.extra}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "holder", label: "持证人", children: item.holderName },
          { key: "category", label: "锁类型", children: item.categoryName },
          {
            key: "notAfter",
            label: "证书有效期至",
            children: item.notAfter ? formatDate(item.notAfter) : "未知",
          },
          { key: "vendor", label: "证书厂商", children: item.vendor },
          {
            key: "price",
            label: "价格",
            span: "filled",
            children: <span data-testid="item-price">{item.priceFen === null ? "—" : yuan(item.priceFen)}</span>,
          },
          {
            key: "previous",
            label: "原关联平台",
            span: "filled",
            children: <PlatformNames codes={item.previousPlatformCodes} names={item.platformNames} dropped={dropped} />,
          },
          {
            key: "current",
            label: "现关联平台",
            span: "filled",
            children: <PlatformNames codes={item.platformCodes} names={item.platformNames} />,
          },
        ]}
      />
    </Card>
  );
}
