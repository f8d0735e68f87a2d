import { type RenewalOrderStatus, renewalOrderStatusLabels } from "@lnca/contracts";
import { Tag } from "antd";

const COLORS: Record<RenewalOrderStatus, string> = {
  pending_payment: "processing",
  paid: "success",
  completed: "green",
  cancelled: "default",
  expired: "default",
  refunded: "warning",
};

export function OrderStatusTag({ status }: { status: RenewalOrderStatus }) {
  return (
    <Tag color={COLORS[status]} data-testid="order-status">
      {renewalOrderStatusLabels[status]}
    </Tag>
  );
}
