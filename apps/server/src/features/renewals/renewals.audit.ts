/** The audit actions of renewal orders (declared here, beside the code that records them). */
declare module "../audit/audit" {
  interface AuditActions {
    "renewal_order.created": { orderNo: string; totalFen: number; itemCount: number };
    "renewal_order.cancelled": { orderNo: string };
    "renewal_order.expired": { orderNo: string };
    "renewal_order.paid": { orderNo: string; paymentId: string; channel: "alipay" | "wechat" };
    "renewal_order.refunded": { orderNo: string; refundId: string };
    /** Every item updated or refunded; refundId when a refund of the last waiting items completed it. */
    "renewal_order.completed": { orderNo: string; refundId?: string };
    "renewal_item.paid": { orderId: string };
    "renewal_item.cancelled": { orderId: string };
    "renewal_item.refunded": { orderId: string; refundId: string };
    "renewal_item.update_started": { orderId: string };
    "renewal_item.update_broken_off": { orderId: string; reason: string };
    "renewal_item.completed": { orderId: string };
  }
}

export {};
