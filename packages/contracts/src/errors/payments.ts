/**
 * Payment channels: asynchronous notifications that fail verification (refused and logged, never acted on) and
 * calls to a provider's merchant API that fail. Each channel keeps its codes in its own block.
 */

// Alipay (电脑网站支付, alipay-sdk): notification checks in the order they run, then gateway calls.
const alipayErrors = {
  ALIPAY_NOTIFICATION_MALFORMED: { status: 400, message: "支付宝通知格式不正确，已拒绝" },
  ALIPAY_SIGNATURE_INVALID: { status: 401, message: "支付宝通知签名验证失败（须用支付宝公钥验签），已拒绝" },
  ALIPAY_FOREIGN_MERCHANT: {
    status: 400,
    message: "支付宝通知的应用 ID（app_id）或卖家（seller_id）与本平台配置不符，已拒绝",
  },
  ALIPAY_REQUEST_FAILED: { status: 502, message: "支付宝暂时无法处理请求，请稍后再试" },
  ALIPAY_TRADE_PAID: { status: 409, message: "该笔支付宝交易已付款，不能关闭" },
} as const;

// WeChat Pay API v3 (Native pay): notification checks in the order they run, then merchant API calls.
const wechatPayErrors = {
  WECHATPAY_NOTIFICATION_PROBE: {
    status: 401,
    message: "微信支付签名探测通知（WECHATPAY/SIGNTEST/），已拒绝",
  },
  WECHATPAY_NOTIFICATION_STALE: {
    status: 401,
    message: "微信支付通知的时间戳与当前时间相差超过 5 分钟，已拒绝",
  },
  WECHATPAY_SERIAL_UNKNOWN: {
    status: 401,
    message: "微信支付通知的证书序列号或公钥 ID 未配置，已拒绝",
  },
  WECHATPAY_SIGNATURE_INVALID: { status: 401, message: "微信支付通知签名验证失败，已拒绝" },
  WECHATPAY_NOTIFICATION_MALFORMED: { status: 400, message: "微信支付通知格式不正确，已拒绝" },
  WECHATPAY_RESOURCE_UNDECRYPTABLE: {
    status: 400,
    message: "微信支付通知的加密数据无法用 APIv3 密钥解密，已拒绝",
  },
  WECHATPAY_FOREIGN_MERCHANT: {
    status: 400,
    message: "微信支付通知的应用 ID（appid）或商户号（mchid）与本平台配置不符，已拒绝",
  },
  WECHATPAY_REQUEST_FAILED: { status: 502, message: "微信支付暂时无法处理请求，请稍后再试" },
  WECHATPAY_RESPONSE_UNVERIFIED: {
    status: 502,
    message: "微信支付应答签名验证失败，请稍后再试",
  },
  WECHATPAY_ORDER_PAID: { status: 409, message: "该笔微信支付已付款，不能关闭" },
} as const;

export const paymentErrors = { ...alipayErrors, ...wechatPayErrors } as const;
