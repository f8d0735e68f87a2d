import { paymentChannelLabels, type RenewalOrder } from "@lnca/contracts";
import { Table } from "antd";
import { PaymentStatusTag } from "../../shared/PaymentStatusTag";
import { yuan } from "../../shared/yuan";
import { formatDateTime } from "../../time";

type OrderPayment = RenewalOrder["payments"][number];

/** Every payment started for an order (a second channel tried, a late one refunded). */
export function OrderPaymentsTable({ payments }: { payments: OrderPayment[] }) {
  return (
    <Table<OrderPayment>
      rowKey="paymentId"
      size="small"
      pagination={false}
      dataSource={payments}
      scroll={{ x: 760 }}
      locale={{ emptyText: "尚未发起支付" }}
      columns={[
        { title: "商户订单号", dataIndex: "outTradeNo" },
        { title: "支付方式", dataIndex: "channel", render: (c: OrderPayment["channel"]) => paymentChannelLabels[c] },
        { title: "金额", dataIndex: "amountFen", render: (fen: number) => yuan(fen) },
        { title: "状态", dataIndex: "status", render: (s: OrderPayment["status"]) => <PaymentStatusTag status={s} /> },
        { title: "发起时间", dataIndex: "createdAt", render: (at: string) => formatDateTime(at) },
        { title: "支付时间", dataIndex: "paidAt", render: (at: string | null) => (at ? formatDateTime(at) : "—") },
      ]}
    />
  );
}
