import type { ConsolePayment } from "@lnca/contracts";
import { Button, Table } from "antd";
import { type ConsoleOrderSearch, useConsolePayments } from "../../api/consoleOrders";
import { ErrorResult } from "../../shared/ErrorResult";
import { paymentColumns } from "./paymentColumns";
import { useSearchPaging } from "./useSearchPaging";

/** 支付记录 tab: one page of payments found, each linking to its order. */
export function ConsolePaymentsTable({
  search,
  onOpen,
}: {
  search: ConsoleOrderSearch;
  onOpen: (orderId: string) => void;
}) {
  const { page, pageSize, pagination } = useSearchPaging(search);
  const payments = useConsolePayments({ ...search, page, pageSize });
  if (payments.isError && !payments.data) {
    return <ErrorResult error={payments.error} onRetry={() => void payments.refetch()} />;
  }
  return (
    <Table<ConsolePayment>
      data-testid="console-payments-table"
      rowKey="paymentId"
      size="middle"
      loading={payments.isPending || (payments.isPlaceholderData && payments.isFetching)}
      dataSource={payments.data?.items}
      // Scrolls sideways only with rows: an empty scroll region has nothing a keyboard could reach (axe).
      scroll={payments.data?.items.length ? { x: 1500 } : undefined}
      locale={{ emptyText: "没有符合条件的支付记录" }}
      pagination={pagination(payments.data?.total ?? 0)}
      columns={[
        {
          title: "订单号",
          dataIndex: "orderNo",
          width: 190,
          render: (orderNo: string, payment) => (
            <Button type="link" size="small" onClick={() => onOpen(payment.orderId)} aria-label={`查看订单 ${orderNo}`}>
              {orderNo}
            </Button>
          ),
        },
        { title: "企业", dataIndex: "enterpriseName", width: 200, render: (name: string | null) => name ?? "个人" },
        ...paymentColumns,
      ]}
    />
  );
}
