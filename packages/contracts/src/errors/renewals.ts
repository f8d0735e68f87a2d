/** Renewal orders (J5): preconditions, the one-open-order rule, paying, refunding. */
export const renewalErrors = {
  RENEWAL_PROFILE_INCOMPLETE: { status: 409, message: "个人信息未完善，请先【编辑个人信息】完善后再申请延期" },
  RENEWAL_ENTERPRISE_NOT_APPROVED: {
    status: 409,
    message: "企业信息未审核通过，请先【编辑企业信息】并提交审核，审核通过后再申请延期",
  },
  RENEWAL_NO_ENTERPRISE_IDENTITY: { status: 409, message: "请先【切换身份】为企业角色后再申请延期" },
  RENEWAL_CERTIFICATE_NOT_RENEWABLE: { status: 404, message: "该证书不在您可延期的证书之中" },
  RENEWAL_CERTIFICATE_REPEATED: { status: 400, message: "同一张证书在订单中出现了两次" },
  RENEWAL_CERTIFICATE_IN_OPEN_ORDER: { status: 409, message: "该证书已在未完成的订单中，请先支付或取消该订单" },
  ORDER_NOT_FOUND: { status: 404, message: "订单不存在" },
  ORDER_NOT_PAYABLE: { status: 409, message: "订单不是待支付状态，不能支付" },
  ORDER_NOT_CANCELLABLE: { status: 409, message: "只有待支付的订单可以取消" },
  ORDER_NOT_REFUNDABLE: { status: 409, message: "该订单当前不能退款" },
  ORDER_ITEM_NOT_REFUNDABLE: { status: 409, message: "所选证书已开始或已完成更新，不能退款" },
  REFUND_NOT_FOUND: { status: 404, message: "退款记录不存在" },
  REFUND_NOT_RETRYABLE: { status: 409, message: "只有支付机构拒绝的最近一笔退款可以重新退款" },
  PAYMENT_NOT_FOUND: { status: 404, message: "支付记录不存在" },
  PAYMENT_CHANNEL_UNAVAILABLE: { status: 503, message: "该支付方式暂不可用，请选择其他支付方式" },
  PAYMENT_PROVIDER_FAILED: { status: 502, message: "支付机构暂时无法受理，请稍后重试" },
  PAYMENT_NOTIFICATION_UNKNOWN_TRADE: { status: 404, message: "通知的商户订单号不存在" },
  PAYMENT_NOTIFICATION_AMOUNT_MISMATCH: { status: 400, message: "通知的支付金额与订单金额不符" },
} as const;
