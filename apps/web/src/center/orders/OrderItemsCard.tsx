import type { RenewalOrder } from "@lnca/contracts";
import { renewalItemStatusLabels } from "@lnca/contracts";
import { Card, Tag } from "antd";
import type { ReactNode } from "react";
import { yuan } from "../../shared/yuan";
import { RenewalItemCard } from "../renewal/RenewalItemCard";

/** An order's certificates as the guide's 延期续费详情 shows them, prices as the order keeps them. */
export function OrderItemsCard({
  order,
  title = "延期续费详情",
  showStatus = false,
}: {
  order: RenewalOrder;
  title?: ReactNode;
  showStatus?: boolean;
}) {
  return (
    <Card
      title={title}
      className="section-gap"
      extra={
        <span>
          延期续费 x{order.items.length}(数量) 实付金额：<strong>{yuan(order.totalFen)}</strong>
        </span>
      }
    >
      {order.items.map((item) => (
        <RenewalItemCard
          key={item.itemId}
          item={{
            ...item,
            platformCodes: item.platforms.map((platform) => platform.code),
            platformNames: Object.fromEntries(item.platforms.map((platform) => [platform.code, platform.name])),
            extra: showStatus ? <Tag>{renewalItemStatusLabels[item.status]}</Tag> : undefined,
          }}
        />
      ))}
    </Card>
  );
}
