import { Button, Card, Result } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useInvoiceTitle } from "../../api/invoiceTitle";
import { useProfile } from "../../api/profile";
import { useRenewalOrder } from "../../api/renewals";
import { ErrorResult } from "../../shared/ErrorResult";
import { FullPageSpin } from "../../shared/FullPageSpin";
import { OrderStatusTag } from "../../shared/OrderStatusTag";
import { PageHeader } from "../../shared/PageHeader";
import { RenewalSteps } from "../renewal/RenewalSteps";
import { useCurrentUser } from "../useCurrentUser";
import { PaymentForm } from "./PaymentForm";

/** 支付确认 (guide §四(二) step 5, 图 5): loads the order and what prefills the invoice, then the form. */
export function PaymentPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { identity } = useCurrentUser();
  const order = useRenewalOrder(id);
  const title = useInvoiceTitle(identity?.enterpriseId ?? null);
  const profile = useProfile();

  // Prefills are a convenience: their failure leaves the fields empty rather than blocking the payment.
  const prefilling = (title.isPending && title.fetchStatus !== "idle") || profile.isPending;
  let body: React.ReactNode;
  if (order.isPending || prefilling) body = <FullPageSpin />;
  else if (order.isError) body = <ErrorResult error={order.error} onRetry={() => void order.refetch()} />;
  else if (order.data.status !== "pending_payment") {
    body = (
      <Card>
        <Result
          status={order.data.status === "paid" || order.data.status === "completed" ? "success" : "info"}
          title={
            <>
              订单 {order.data.orderNo} 当前状态：
              <OrderStatusTag status={order.data.status} />
            </>
          }
          subTitle="只有待支付的订单可以支付。"
          extra={
            <Button type="primary" onClick={() => navigate(`/center/orders/${id}`)}>
              查看订单
            </Button>
          }
        />
      </Card>
    );
  } else {
    body = (
      <PaymentForm
        order={order.data}
        title={title.data ?? null}
        fallbackTitle={identity?.enterpriseName ?? null}
        email={profile.data?.email ?? null}
      />
    );
  }
  return (
    <>
      <PageHeader title="支付确认" description="确认是否开具发票、发票类型等，选择支付方式后点击【立即支付】。" />
      <RenewalSteps current={3} />
      {body}
    </>
  );
}
