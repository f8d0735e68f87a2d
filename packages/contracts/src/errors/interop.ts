/** Platform interoperability: the trading platforms' API credentials and the webhooks sent to them. */
export const interopErrors = {
  INTEROP_UNAUTHENTICATED: {
    status: 401,
    message: "缺少或无效的平台凭证（请在请求头 Authorization: Bearer <平台密钥> 中提供有效的平台密钥）",
  },
  INTEROP_RATE_LIMITED: { status: 429, message: "本平台的证书验证请求过于频繁，请稍后再试" },
  PLATFORM_NOT_FOUND: { status: 404, message: "应用平台不存在" },
  WEBHOOK_DELIVERY_NOT_FOUND: { status: 404, message: "投递记录不存在" },
  WEBHOOK_DELIVERY_IN_PROGRESS: { status: 409, message: "该投递仍在自动重试中，无需重新投递" },
} as const;
