import { type RenewalOrder, renewalItemStatusLabels } from "@lnca/contracts";
import { Button, Descriptions, Drawer, Skeleton, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useConsoleOrder, useConsolePayments } from "../../api/consoleOrders";
import { ErrorResult } from "../../shared/ErrorResult";
import { OrderStatusTag } from "../../shared/OrderStatusTag";
import { PlatformNames } from "../../shared/PlatformNames";
import { yuan } from "../../shared/yuan";
import { formatDateTime } from "../../time";
import { paymentColumns } from "./paymentColumns";
import { RefundModal } from "./RefundModal";

type Item = RenewalOrder["items"][number];

// The drawer is narrow: the payment's essentials, without a scrolling region.
const DRAWER_PAYMENT_COLUMNS = ["outTradeNo", "channel", "amountFen", "status", "refundedFen", "paidAt"];

/** An order seen by the operator: its items and payments (automatic refunds tagged), and 【退款】. */
export function OrderDrawer({ orderId, onClose }: { orderId: string | null; onClose: () => void }) {
  const order = useConsoleOrder(orderId);
  const [refunding, setRefunding] = useState(false);
  const o = order.data;
  const payments = useConsolePayments({ orderNo: o?.orderNo, pageSize: 100 }, o !== undefined);
  const canRefund = o !== undefined && (o.status === "paid" || o.status === "completed");

  return (
    <Drawer
      title={o ? `订单 ${o.orderNo}` : "订单详情"}
      open={orderId !== null}
      onClose={onClose}
      size="large"
      extra={
        canRefund && (
          <Button danger onClick={() => setRefunding(true)}>
            退款
          </Button>
        )
      }
    >
      {order.isPending ? (
        <Skeleton active />
      ) : order.isError ? (
        <ErrorResult error={order.error} onRetry={() => void order.refetch()} />
      ) : (
        o && (
          <>
            <Descriptions
              size="small"
              column={2}
              className="section-gap"
              items={[
                { key: "status", label: "状态", children: <OrderStatusTag status={o.status} /> },
                { key: "total", label: "金额", children: yuan(o.totalFen) },
                { key: "enterprise", label: "企业", children: o.enterpriseName ?? "个人" },
                { key: "by", label: "下单人", children: o.createdByName },
                { key: "created", label: "下单时间", children: formatDateTime(o.createdAt) },
                { key: "paid", label: "支付时间", children: o.paidAt ? formatDateTime(o.paidAt) : "—" },
              ]}
            />
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              证书
            </Typography.Title>
            <Table<Item>
              className="section-gap"
              rowKey="itemId"
              size="small"
              pagination={false}
              dataSource={o.items}
              scroll={{ x: 700 }}
              columns={[
                { title: "持证人", dataIndex: "holderName", width: 90 },
                { title: "CA 证类别", dataIndex: "categoryName", width: 120 },
                { title: "价格", dataIndex: "priceFen", width: 80, render: (fen: number) => yuan(fen) },
                {
                  title: "原关联平台",
                  dataIndex: "previousPlatformCodes",
                  render: (codes: string[]) => <PlatformNames codes={codes} />,
                },
                {
                  title: "现关联平台",
                  key: "platforms",
                  render: (_, item) => (
                    <PlatformNames
                      codes={item.platforms.map((p) => p.code)}
                      names={Object.fromEntries(item.platforms.map((p) => [p.code, p.name]))}
                    />
                  ),
                },
                {
                  title: "状态",
                  dataIndex: "status",
                  width: 80,
                  render: (status: Item["status"]) => <Tag>{renewalItemStatusLabels[status]}</Tag>,
                },
              ]}
            />
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              支付记录
            </Typography.Title>
            <Table
              rowKey="paymentId"
              size="small"
              pagination={false}
              loading={payments.isPending}
              dataSource={payments.data?.items}
              columns={paymentColumns.filter(
                (column) => "dataIndex" in column && DRAWER_PAYMENT_COLUMNS.includes(String(column.dataIndex)),
              )}
              locale={{ emptyText: "尚未发起支付" }}
            />
            <RefundModal order={o} open={refunding} onClose={() => setRefunding(false)} />
          </>
        )
      )}
    </Drawer>
  );
}
