import { App, Button, Popconfirm, Tag } from "antd";
import { useRetryRefund } from "../../api/consoleOrders";

/** The provider refused this payment's latest refund: say so, and let the operator ask again. */
export function RetryRefundButton({ refundId }: { refundId: string }) {
  const retry = useRetryRefund();
  const { message } = App.useApp();
  return (
    <>
      <Tag color="red" data-testid="refund-failed">
        退款失败
      </Tag>
      <Popconfirm
        title="重新退款"
        description="以新的退款单号再次向支付机构申请同一笔退款？"
        okText="重新退款"
        cancelText="取消"
        onConfirm={() =>
          retry.mutateAsync(refundId).then(
            () => void message.success("已重新申请退款"),
            (error: Error) => void message.error(error.message),
          )
        }
      >
        <Button size="small" danger loading={retry.isPending}>
          重新退款
        </Button>
      </Popconfirm>
    </>
  );
}
