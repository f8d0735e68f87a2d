import { LaterVersion } from "../shared/LaterVersion";

export function OrdersPage() {
  return (
    <LaterVersion
      title="订单管理"
      description="查看 CA 延期年检订单及支付情况。"
      features={[
        "订单确认：证书持证人、原关联平台与现关联平台、应付金额",
        "支付确认：选择是否开具发票及发票类型，通过支付宝或微信支付【立即支付】",
        "未支付的订单到期自动失效",
      ]}
    />
  );
}
