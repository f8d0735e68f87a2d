/** The audit actions of payments and refunds (declared here, beside the code that records them). */
declare module "../audit/audit" {
  interface AuditActions {
    "payment.started": { orderId: string; channel: "alipay" | "wechat"; amountFen: number };
    "payment.failed": { orderId: string };
    "payment.paid": { orderId: string; amountFen: number; source: "notification" | "query" };
    "payment.closed": { orderId: string; source: "notification" | "query" | "order" };
    "payment.notification_refused": { channel: "alipay" | "wechat"; code: string; outTradeNo?: string };
    "payment.refunding": { orderId: string; refundId: string; amountFen: number };
    "payment.refunded": { orderId: string; refundId: string };
    "payment.refund_failed": { orderId: string; refundId: string };
    "refund.requested": { paymentId: string; amountFen: number; reason: string; automatic: boolean };
    "refund.succeeded": { paymentId: string };
    "refund.failed": { paymentId: string };
  }
}

/** The jobs of payments, run by the outbox worker after commit. */
declare module "../outbox/outbox" {
  interface OutboxJobs {
    /** Closes an unpaid payment at its provider (its order was cancelled, expired or paid otherwise). */
    "payments.close": { paymentId: string };
    /** Asks the provider to refund (retried until it answers; the refund number makes it happen once). */
    "payments.refund": { refundId: string };
  }
}

export {};
