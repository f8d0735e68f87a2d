import { LaterVersion } from "../shared/LaterVersion";

export function ConsoleOrdersPage() {
  return (
    <LaterVersion
      title="订单与支付"
      description="CA 延期年检订单及支付宝、微信支付记录。"
      features={["按订单号（PL…）、企业、持证人检索订单", "查看支付状态与支付通知", "办理退款"]}
    />
  );
}
