import { Alert } from "antd";
import { Link } from "react-router-dom";
import type { ApiError } from "../../api/client";

/**
 * RENEWAL_CERTIFICATE_IN_OPEN_ORDER names the open order holding the certificate: say which, and link to it so
 * the payer can pay or cancel it.
 */
export function OpenOrderAlert({ error, holderOf }: { error: ApiError; holderOf: (id: string) => string | undefined }) {
  // The server's AppError details travel as `error.details` of the body.
  const { certificateId, orderId, orderNo } = (error.details.details ?? {}) as {
    certificateId?: string;
    orderId?: string;
    orderNo?: string;
  };
  const holder = certificateId ? holderOf(certificateId) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      className="section-gap"
      data-testid="open-order-error"
      title={error.message}
      description={
        <>
          {holder ? `${holder}的证书` : "所选证书"}已在订单{" "}
          {orderId ? (
            <Link to={`/center/orders/${orderId}`} className="inline-link" data-testid="open-order-link">
              {orderNo ?? orderId}
            </Link>
          ) : (
            (orderNo ?? "")
          )}{" "}
          中，请先支付或取消该订单，或返回上一步不选此证书。
        </>
      }
    />
  );
}
