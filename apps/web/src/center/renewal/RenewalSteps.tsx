import { Steps } from "antd";

const STEPS = ["选择证书", "选择应用平台", "订单确认", "支付确认"].map((title) => ({ title }));

/** Where the payer is in the renewal (guide §四(二) steps 2–5). */
export function RenewalSteps({ current }: { current: number }) {
  return <Steps className="section-gap" size="small" current={current} items={STEPS} />;
}
