import { type ConsolePayment, paymentChannelLabels } from "@lnca/contracts";
import { Space, type TableColumnsType, Tag } from "antd";
import { PaymentStatusTag } from "../../shared/PaymentStatusTag";
import { yuan } from "../../shared/yuan";
import { formatDateTime } from "../../time";
import { RetryRefundButton } from "./RetryRefundButton";

/**
 * A payment row; one that was paid after its order ended is tagged 「自动退款」 (refunded without an operator);
 * one whose latest refund the provider refused offers 【重新退款】.
 */
export const paymentColumns: TableColumnsType<ConsolePayment> = [
  { title: "商户订单号", dataIndex: "outTradeNo", width: 200 },
  {
    title: "支付方式",
    dataIndex: "channel",
    width: 90,
    render: (c: ConsolePayment["channel"]) => paymentChannelLabels[c],
  },
  { title: "金额", dataIndex: "amountFen", width: 100, render: (fen: number) => yuan(fen) },
  {
    title: "状态",
    dataIndex: "status",
    width: 170,
    render: (status: ConsolePayment["status"], payment) => (
      <Space size={4} wrap>
        <PaymentStatusTag status={status} />
        {payment.automaticRefund && (
          <Tag color="magenta" data-testid="automatic-refund">
            自动退款
          </Tag>
        )}
        {payment.failedRefundId && <RetryRefundButton refundId={payment.failedRefundId} />}
      </Space>
    ),
  },
  {
    title: "已退款",
    dataIndex: "refundedFen",
    width: 100,
    render: (fen: number) => (fen > 0 ? yuan(fen) : "—"),
  },
  {
    title: "支付机构交易号",
    dataIndex: "providerTradeNo",
    width: 220,
    render: (no: string | null) => no ?? "—",
  },
  { title: "发起时间", dataIndex: "createdAt", width: 170, render: (at: string) => formatDateTime(at) },
  {
    title: "支付时间",
    dataIndex: "paidAt",
    width: 170,
    render: (at: string | null) => (at ? formatDateTime(at) : "—"),
  },
];
