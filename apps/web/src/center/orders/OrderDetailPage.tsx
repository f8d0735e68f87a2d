import { Alert, App, Button, Card, Descriptions, Space } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useCancelRenewalOrder, useRenewalOrder } from "../../api/renewals";
import { ErrorResult } from "../../shared/ErrorResult";
import { FullPageSpin } from "../../shared/FullPageSpin";
import { OrderStatusTag } from "../../shared/OrderStatusTag";
import { PageHeader } from "../../shared/PageHeader";
import { yuan } from "../../shared/yuan";
import { formatDateTime } from "../../time";
import { ExpiryCountdown } from "./ExpiryCountdown";
import { OrderItemsCard } from "./OrderItemsCard";
import { OrderPaymentsTable } from "./OrderPaymentsTable";
import { useAwaitingPayment } from "./useAwaitingPayment";

/** 订单详情: items with 原/现关联平台, payments, state; 【去支付】 and 【取消订单】 while unpaid. */
export function OrderDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const awaitingPayment = useAwaitingPayment();
  const order = useRenewalOrder(id, awaitingPayment);
  const cancel = useCancelRenewalOrder();

  if (order.isPending) return <FullPageSpin />;
  if (order.isError) return <ErrorResult error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  const unpaid = o.status === "pending_payment";

  const confirmCancel = () =>
    modal.confirm({
      title: `取消订单 ${o.orderNo}？`,
      content: "取消后订单中的证书可重新下单。",
      okText: "取消订单",
      okButtonProps: { danger: true },
      cancelText: "返回",
      onOk: () =>
        cancel.mutateAsync(o.id).then(
          () => void message.success("订单已取消"),
          (error: Error) => void message.error(error.message),
        ),
    });

  return (
    <>
      <PageHeader
        title="订单详情"
        extra={
          unpaid && (
            <Space>
              <Button onClick={confirmCancel}>取消订单</Button>
              <Button type="primary" onClick={() => navigate(`/center/orders/${o.id}/pay`)}>
                去支付
              </Button>
            </Space>
          )
        }
      />
      {awaitingPayment(o) && (
        <Alert
          type="info"
          showIcon
          className="section-gap"
          data-testid="awaiting-payment"
          title="正在确认支付结果…"
          description="如您已完成支付，订单状态将在支付机构通知后自动更新。"
        />
      )}
      <Card className="section-gap">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "no", label: "订单号", children: <span data-testid="order-no">{o.orderNo}</span> },
            { key: "status", label: "状态", children: <OrderStatusTag status={o.status} /> },
            { key: "total", label: "订单金额", children: yuan(o.totalFen) },
            { key: "created", label: "下单时间", children: formatDateTime(o.createdAt) },
            { key: "by", label: "下单人", children: o.createdByName },
            { key: "enterprise", label: "企业", children: o.enterpriseName ?? "—" },
            unpaid
              ? {
                  key: "expires",
                  label: "支付剩余时间",
                  children: <ExpiryCountdown expiresAt={o.expiresAt} onExpired={() => void order.refetch()} />,
                }
              : { key: "paid", label: "支付时间", children: o.paidAt ? formatDateTime(o.paidAt) : "—" },
          ]}
        />
      </Card>
      <OrderItemsCard order={o} title="CA延期年检详情" showStatus />
      <Card title="支付记录">
        <OrderPaymentsTable payments={o.payments} />
      </Card>
    </>
  );
}
