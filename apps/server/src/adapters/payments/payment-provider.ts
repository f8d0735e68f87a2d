/**
 * One payment channel's merchant API (Alipay page pay, WeChat Pay Native), on the provider's real protocol.
 * Interface only for now: issue 10 (renewal orders and payments, J5) implements both channels and their
 * embedded default, a sandbox cashier that signs notifications with the same schemes and test keys, and
 * registers them in the composition root. Every amount is integer fen (分), as in the database.
 */
export type PaymentChannel = "alipay" | "wechat";

export interface CreatePaymentInput {
  /** Our payment's merchant order number, unique per payment attempt (payments.out_trade_no). */
  outTradeNo: string;
  amountFen: number;
  /** Shown to the payer by the provider, e.g. "CA 证书更新 PL…". */
  subject: string;
  /** The provider closes the payment by itself after this moment (the order's expiry). */
  expiresAt: Date;
  /** Where the provider's cashier sends the payer back after paying (Alipay return_url); WeChat Native has none. */
  returnUrl?: string;
}

/** What the browser needs to pay: Alipay opens its cashier page; WeChat Native gives a code shown as a QR code. */
export type PaymentStart = { kind: "redirect"; payUrl: string } | { kind: "qr_code"; codeUrl: string };

/** An asynchronous notification exactly as it arrived: signatures are checked on the raw bytes. */
export interface PaymentNotification {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Uint8Array;
}

/** What a provider reports about one payment, from a verified notification or a query. */
export interface PaymentReport {
  outTradeNo: string;
  providerTradeNo: string | null;
  /** Only `paid` means the money arrived (Alipay TRADE_SUCCESS / TRADE_FINISHED, WeChat SUCCESS). */
  state: "pending" | "paid" | "closed";
  amountFen: number;
  paidAt: Date | null;
  /**
   * Refunded so far, when the provider says (Alipay's notification after a refund carries refund_fee: a whole
   * refund arrives as TRADE_CLOSED, a partial one as TRADE_SUCCESS again). Absent when not reported.
   */
  refundedFen?: number;
}

export interface RefundInput {
  outTradeNo: string;
  /** Our refund number, unique per refund (refunds.out_refund_no); retrying with it refunds once. */
  outRefundNo: string;
  refundFen: number;
  /** The payment's whole amount, which WeChat asks for beside the refund. */
  totalFen: number;
  reason: string;
}

export interface PaymentProvider {
  readonly channel: PaymentChannel;
  create(input: CreatePaymentInput): Promise<PaymentStart>;
  /**
   * Checks a notification's signature (and for WeChat decrypts its resource) and says what it reports, with
   * the reply the provider expects (Alipay: 200 `success` as text/plain). Throws a coded error for a forged,
   * replayed or foreign notification.
   */
  verifyNotification(
    notification: PaymentNotification,
  ): Promise<{ report: PaymentReport; reply: { status: number; body: string } }>;
  /** Asks the provider when no notification came; null when it does not know the payment. */
  query(outTradeNo: string): Promise<PaymentReport | null>;
  /** Closes an unpaid payment, so that it can no longer be paid (order cancelled or expired). */
  close(outTradeNo: string): Promise<void>;
  refund(input: RefundInput): Promise<{ state: "processing" | "succeeded" | "failed" }>;
}
