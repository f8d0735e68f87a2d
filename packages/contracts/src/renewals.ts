import { z } from "zod";
import { pageQuerySchema } from "./console";
import { invoiceRequestInputSchema } from "./invoices";

/** The statuses of a renewal order (contract: other programs read them). */
export const renewalOrderStatuses = [
  "pending_payment",
  "paid",
  "completed",
  "cancelled",
  "expired",
  "refunded",
] as const;
export type RenewalOrderStatus = (typeof renewalOrderStatuses)[number];

export const renewalOrderStatusLabels: Record<RenewalOrderStatus, string> = {
  pending_payment: "待支付",
  paid: "已支付",
  completed: "已完成",
  cancelled: "已取消",
  expired: "已过期",
  refunded: "已退款",
};

export const renewalItemStatuses = [
  "awaiting_payment",
  "awaiting_update",
  "updating",
  "completed",
  "cancelled",
  "refunded",
] as const;
export type RenewalItemStatus = (typeof renewalItemStatuses)[number];

export const renewalItemStatusLabels: Record<RenewalItemStatus, string> = {
  awaiting_payment: "待支付",
  awaiting_update: "待更新",
  updating: "更新中",
  completed: "已完成",
  cancelled: "已取消",
  refunded: "已退款",
};

/** A certificate the current identity may renew (【CA 延期年检】). Contract fields first. */
export const renewableCertificateSchema = z.object({
  certificateId: z.string(),
  holderName: z.string(),
  categoryCode: z.string(),
  vendor: z.string(),
  notAfter: z.string().nullable(),
  platformCodes: z.array(z.string()),
  openOrderId: z.string().nullable(),
  openOrderNo: z.string().nullable(),
  categoryName: z.string(),
  /** Whole days from now to notAfter (negative once expired); null when the registry has no date. */
  daysLeft: z.number().int().nullable(),
});
export type RenewableCertificate = z.infer<typeof renewableCertificateSchema>;

/** A precondition of renewing that is not met, said plainly with where to meet it. */
export const renewalBlockerSchema = z.object({
  code: z.enum(["PROFILE_INCOMPLETE", "ENTERPRISE_NOT_APPROVED", "NO_ENTERPRISE_IDENTITY"]),
  message: z.string(),
  /** The page of the portal where the person meets it. */
  link: z.string(),
});
export type RenewalBlocker = z.infer<typeof renewalBlockerSchema>;

export const renewableCertificatesResponseSchema = z.object({
  items: z.array(renewableCertificateSchema),
  blockers: z.array(renewalBlockerSchema),
});
export type RenewableCertificatesResponse = z.infer<typeof renewableCertificatesResponseSchema>;

const idSchema = z.string().trim().min(1, "证书编号不能为空").max(64);
const platformCodeSchema = z.string().trim().min(1).max(64);

/** 【提交订单】: the certificates and, for each, the platforms it stays associated with. */
export const renewalOrderRequestSchema = z.object({
  items: z
    .array(
      z.object({
        certificateId: idSchema,
        platformCodes: z.array(platformCodeSchema).max(100, "应用平台过多"),
      }),
    )
    .min(1, "请至少选择一张证书")
    .max(5000, "一个订单最多 5000 张证书"),
});
export type RenewalOrderRequest = z.infer<typeof renewalOrderRequestSchema>;

export const renewalOrderItemSchema = z.object({
  certificateId: z.string(),
  priceFen: z.number().int(),
  itemId: z.string(),
  status: z.enum(renewalItemStatuses),
  holderName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  vendor: z.string(),
  notAfter: z.string().nullable(),
  baseFeeFen: z.number().int(),
  /** 原关联平台, as they were when the order was made. */
  previousPlatformCodes: z.array(z.string()),
  /** 现关联平台, with each one's fee at order time. */
  platforms: z.array(z.object({ code: z.string(), name: z.string(), feeFen: z.number().int() })),
});
export type RenewalOrderItem = z.infer<typeof renewalOrderItemSchema>;

export const paymentChannels = ["alipay", "wechat"] as const;
export type PaymentChannelCode = (typeof paymentChannels)[number];
export const paymentChannelLabels: Record<PaymentChannelCode, string> = { alipay: "支付宝", wechat: "微信支付" };

export const paymentStatuses = ["created", "paid", "closed", "refunding", "refunded", "failed"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];
export const paymentStatusLabels: Record<PaymentStatus, string> = {
  created: "待支付",
  paid: "已支付",
  closed: "已关闭",
  refunding: "退款中",
  refunded: "已退款",
  failed: "支付失败",
};

export const orderPaymentSchema = z.object({
  paymentId: z.string(),
  outTradeNo: z.string(),
  channel: z.enum(paymentChannels),
  amountFen: z.number().int(),
  status: z.enum(paymentStatuses),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
});

/** The contract's order shape (`id, orderNo, status, totalFen, items[{certificateId, priceFen}]`), and more. */
export const renewalOrderSchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: z.enum(renewalOrderStatuses),
  totalFen: z.number().int(),
  items: z.array(renewalOrderItemSchema),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  payments: z.array(orderPaymentSchema),
});
export type RenewalOrder = z.infer<typeof renewalOrderSchema>;

export const renewalOrderSummarySchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  status: z.enum(renewalOrderStatuses),
  totalFen: z.number().int(),
  itemCount: z.number().int(),
  holderNames: z.array(z.string()),
  enterpriseName: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  channel: z.enum(paymentChannels).nullable(),
});
export type RenewalOrderSummary = z.infer<typeof renewalOrderSummarySchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

/** 【订单管理】 filters. */
export const renewalOrderListQuerySchema = pageQuerySchema.extend({
  status: z.enum(renewalOrderStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});
export type RenewalOrderListQuery = z.input<typeof renewalOrderListQuerySchema>;

/** Console order search: by order number, enterprise, holder, date, channel and state. */
export const consoleOrderQuerySchema = pageQuerySchema.extend({
  orderNo: z.string().trim().max(40).optional(),
  enterprise: z.string().trim().max(100).optional(),
  holder: z.string().trim().max(50).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  channel: z.enum(paymentChannels).optional(),
  status: z.enum(renewalOrderStatuses).optional(),
});
export type ConsoleOrderQuery = z.input<typeof consoleOrderQuerySchema>;

/** 【立即支付】: the channel and, when 开具发票, the invoice request (features/invoices validates it). */
export const paymentStartRequestSchema = z.object({
  channel: z.enum(paymentChannels, { error: "请选择支付方式：支付宝或微信支付" }),
  invoice: invoiceRequestInputSchema.optional(),
});
export type PaymentStartRequest = z.infer<typeof paymentStartRequestSchema>;

export const paymentStartSchema = z.object({
  paymentId: z.string(),
  outTradeNo: z.string(),
  amountFen: z.number().int(),
  payUrl: z.string().optional(),
  codeUrl: z.string().optional(),
});
export type PaymentStart = z.infer<typeof paymentStartSchema>;

/** What the cashier page polls while the payer pays elsewhere (QR code, Alipay's page). */
export const paymentStateSchema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  status: z.enum(paymentStatuses),
  orderStatus: z.enum(renewalOrderStatuses),
});
export type PaymentState = z.infer<typeof paymentStateSchema>;

/** Console payments search (a payment per row), with refunds and whether it was refunded automatically. */
export const consolePaymentSchema = orderPaymentSchema.extend({
  orderId: z.string(),
  orderNo: z.string(),
  orderStatus: z.enum(renewalOrderStatuses),
  enterpriseName: z.string().nullable(),
  providerTradeNo: z.string().nullable(),
  refundedFen: z.number().int(),
  /** Paid after its order had expired, was cancelled or was already paid: refunded without an operator. */
  automaticRefund: z.boolean(),
  /** The provider refused this payment's latest refund: the operator may try it again (【重新退款】). */
  failedRefundId: z.string().nullable(),
});
export type ConsolePayment = z.infer<typeof consolePaymentSchema>;

export const dailyTotalsSchema = z.object({
  date: z.string(),
  channels: z.array(
    z.object({
      channel: z.enum(paymentChannels),
      paidCount: z.number().int(),
      paidFen: z.number().int(),
      refundedFen: z.number().int(),
    }),
  ),
});
export type DailyTotals = z.infer<typeof dailyTotalsSchema>;

/** Console refund: the whole order or some of its items, with a reason. */
export const refundRequestSchema = z.object({
  itemIds: z.array(z.string().min(1)).max(5000).optional(),
  reason: z.string().trim().min(2, "请填写退款原因（至少 2 个字）").max(200, "退款原因最多 200 字"),
});
export type RefundRequest = z.infer<typeof refundRequestSchema>;

/** A paid item waiting for its holder's key update (【更新数字证书】: 「请更新CA，完成延期」). */
export const pendingKeyUpdateSchema = z.object({
  itemId: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  /** 申请时间: when the order was paid. */
  appliedAt: z.string(),
  certificateId: z.string(),
  /** The paid certificate's serial (hex): the key holding it is the one to insert. */
  serialNumber: z.string(),
  holderName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  vendor: z.string(),
  notAfter: z.string().nullable(),
  status: z.enum(renewalItemStatuses),
});
export type PendingKeyUpdate = z.infer<typeof pendingKeyUpdateSchema>;

export const orderIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const paymentIdParamsSchema = z.object({ paymentId: z.string().min(1).max(64) });
export const renewalOrderPageSchema = z.object({
  items: z.array(renewalOrderSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const pendingKeyUpdatesSchema = z.object({ items: z.array(pendingKeyUpdateSchema) });
/** A client's key for one 【提交订单】: a retried submit answers the order the first one made. */
export const idempotencyHeadersSchema = z.object({
  "idempotency-key": z.string().trim().min(8, "Idempotency-Key 至少 8 个字符").max(100).optional(),
});

export const refundIdParamsSchema = z.object({ refundId: z.string().min(1).max(64) });
