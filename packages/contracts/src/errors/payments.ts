/**
 * Payment channels: notifications refused and provider calls that failed. Each channel keeps its own block
 * (Alipay below, WeChat Pay in its own block); every refusal is its own code so logs say why.
 */
export const paymentErrors = {
  // Alipay
  PAYMENT_ALIPAY_NOTIFY_MALFORMED: { status: 400, message: "支付宝通知格式不正确" },
  PAYMENT_ALIPAY_NOTIFY_FORGED: { status: 400, message: "支付宝通知签名验证失败" },
  PAYMENT_ALIPAY_NOTIFY_FOREIGN: { status: 400, message: "支付宝通知不属于本商户（app_id 或 seller_id 不符）" },
  PAYMENT_ALIPAY_GATEWAY_FAILED: { status: 502, message: "支付宝接口调用失败，请稍后重试" },
  PAYMENT_ALIPAY_TRADE_NOT_CLOSABLE: { status: 409, message: "支付宝交易已付款，不能关闭" },
} as const;
