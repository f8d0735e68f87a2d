import { paymentChannelLabels, type RenewalOrderSummary } from "@lnca/contracts";
import { Button, Table } from "antd";
import { type ConsoleOrderSearch, useConsoleOrders } from "../../api/consoleOrders";
import { ErrorResult } from "../../shared/ErrorResult";
import { OrderStatusTag } from "../../shared/OrderStatusTag";
import { yuan } from "../../shared/yuan";
import { formatDateTime } from "../../time";
import { useSearchPaging } from "./useSearchPaging";

/** 订单 tab: one page of orders found, each opening its detail. */
export function ConsoleOrdersTable({ search, onOpen }: { search: ConsoleOrderSearch; onOpen: (id: string) => void }) {
  const { page, pageSize, pagination } = useSearchPaging(search);
  const orders = useConsoleOrders({ ...search, page, pageSize });
  if (orders.isError && !orders.data) return <ErrorResult error={orders.error} onRetry={() => void orders.refetch()} />;
  return (
    <Table<RenewalOrderSummary>
      data-testid="console-orders-table"
      rowKey="id"
      size="middle"
      loading={orders.isPending || (orders.isPlaceholderData && orders.isFetching)}
      dataSource={orders.data?.items}
      // Scrolls sideways only with rows: an empty scroll region has nothing a keyboard could reach (axe).
      scroll={orders.data?.items.length ? { x: 1200 } : undefined}
      locale={{ emptyText: "没有符合条件的订单" }}
      pagination={pagination(orders.data?.total ?? 0)}
      columns={[
        {
          title: "订单号",
          dataIndex: "orderNo",
          width: 190,
          render: (orderNo: string, order) => (
            <Button type="link" size="small" onClick={() => onOpen(order.id)} aria-label={`查看订单 ${orderNo}`}>
              {orderNo}
            </Button>
          ),
        },
        { title: "企业", dataIndex: "enterpriseName", width: 200, render: (name: string | null) => name ?? "个人" },
        { title: "持证人", dataIndex: "holderNames", ellipsis: true, render: (names: string[]) => names.join("、") },
        { title: "数量", dataIndex: "itemCount", width: 70 },
        { title: "金额", dataIndex: "totalFen", width: 110, render: (fen: number) => yuan(fen) },
        {
          title: "支付方式",
          dataIndex: "channel",
          width: 100,
          render: (channel: RenewalOrderSummary["channel"]) => (channel ? paymentChannelLabels[channel] : "—"),
        },
        {
          title: "状态",
          dataIndex: "status",
          width: 90,
          render: (status: RenewalOrderSummary["status"]) => <OrderStatusTag status={status} />,
        },
        { title: "下单时间", dataIndex: "createdAt", width: 170, render: (at: string) => formatDateTime(at) },
        {
          title: "支付时间",
          dataIndex: "paidAt",
          width: 170,
          render: (at: string | null) => (at ? formatDateTime(at) : "—"),
        },
      ]}
    />
  );
}
