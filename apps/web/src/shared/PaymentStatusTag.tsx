import { type PaymentStatus, paymentStatusLabels } from "@lnca/contracts";
import { Tag } from "antd";

const COLORS: Record<PaymentStatus, string> = {
  created: "processing",
  paid: "success",
  closed: "default",
  refunding: "warning",
  refunded: "warning",
  failed: "error",
};

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  return <Tag color={COLORS[status]}>{paymentStatusLabels[status]}</Tag>;
}
