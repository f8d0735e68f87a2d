import {
  type RenewalOrderStatus,
  type RenewalOrderSummary,
  renewalOrderStatuses,
  renewalOrderStatusLabels,
} from "@lnca/contracts";
import { Button, Card, Input, Space, Table, type TableColumnsType, Tabs } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useRenewalOrders } from "../../api/renewals";
import { ErrorResult } from "../../shared/ErrorResult";
import { OrderStatusTag } from "../../shared/OrderStatusTag";
import { PageHeader } from "../../shared/PageHeader";
import { yuan } from "../../shared/yuan";
import { formatDateTime } from "../../time";

const ALL = "all";
const TABS = [
  { key: ALL, label: "全部" },
  ...renewalOrderStatuses.map((status) => ({ key: status, label: renewalOrderStatusLabels[status] })),
];
const PAGE_SIZES = [10, 20, 50];

const readStatus = (value: string | null): RenewalOrderStatus | undefined =>
  renewalOrderStatuses.find((status) => status === value);

/**
 * 【订单管理】: the identity's renewal orders (the administrator sees the enterprise's), by state, searchable by
 * order number or holder. Tab, search and page live in the address so 返回 from an order lands where it left.
 */
export function OrdersPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = readStatus(params.get("status"));
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get("pageSize"))) ? Number(params.get("pageSize")) : 10;
  const update = (next: Partial<{ status: string; q: string; page: number; pageSize: number }>) => {
    const merged = { status: status ?? ALL, q, page, pageSize, ...next };
    const query = new URLSearchParams({ page: String(merged.page), pageSize: String(merged.pageSize) });
    if (merged.status !== ALL) query.set("status", merged.status);
    if (merged.q) query.set("q", merged.q);
    setParams(query, { replace: true });
  };
  const orders = useRenewalOrders({ status, q, page, pageSize });

  const columns: TableColumnsType<RenewalOrderSummary> = [
    {
      title: "订单号",
      dataIndex: "orderNo",
      width: 190,
      render: (orderNo: string, order) => <Link to={`/center/orders/${order.id}`}>{orderNo}</Link>,
    },
    {
      title: "持证人",
      dataIndex: "holderNames",
      ellipsis: true,
      render: (names: string[]) => names.join("、"),
    },
    { title: "数量", dataIndex: "itemCount", width: 70 },
    { title: "金额", dataIndex: "totalFen", width: 110, render: (fen: number) => yuan(fen) },
    {
      title: "状态",
      dataIndex: "status",
      width: 90,
      render: (s: RenewalOrderStatus) => <OrderStatusTag status={s} />,
    },
    { title: "下单时间", dataIndex: "createdAt", width: 170, render: (at: string) => formatDateTime(at) },
    { title: "下单人", dataIndex: "createdByName", width: 100 },
    {
      title: "操作",
      key: "actions",
      width: 130,
      render: (_, order) => (
        <Space size={4}>
          <Link to={`/center/orders/${order.id}`} aria-label={`查看订单 ${order.orderNo}`}>
            查看
          </Link>
          {order.status === "pending_payment" && (
            <Button
              type="link"
              size="small"
              aria-label={`支付订单 ${order.orderNo}`}
              onClick={() => navigate(`/center/orders/${order.id}/pay`)}
            >
              去支付
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const table =
    orders.isError && !orders.data ? (
      <ErrorResult error={orders.error} onRetry={() => void orders.refetch()} />
    ) : (
      <Table<RenewalOrderSummary>
        data-testid="orders-table"
        rowKey="id"
        size="middle"
        loading={orders.isPending || (orders.isPlaceholderData && orders.isFetching)}
        dataSource={orders.data?.items}
        columns={columns}
        scroll={{ x: 1000 }}
        locale={{ emptyText: "暂无订单" }}
        pagination={{
          current: page,
          pageSize,
          total: orders.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, size) => update({ page: size === pageSize ? p : 1, pageSize: size }),
        }}
      />
    );

  return (
    <>
      <PageHeader title="订单管理" description="CA 延期年检订单及支付情况；未支付的订单到期自动失效。" />
      <Card>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          aria-label="搜索订单号或持证人"
          placeholder="订单号 / 持证人"
          enterButton="搜索"
          maxLength={100}
          style={{ width: 360, maxWidth: "100%" }}
          onSearch={(value) => update({ q: value.trim(), page: 1 })}
        />
        <Tabs
          activeKey={status ?? ALL}
          onChange={(key) => update({ status: key, page: 1 })}
          items={TABS.map((tab) => ({
            key: tab.key,
            label: tab.label,
            children: tab.key === (status ?? ALL) ? table : null,
          }))}
        />
      </Card>
    </>
  );
}
