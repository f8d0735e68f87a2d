import { AppError } from "../../../shared/app-error";
import type { PaymentReport } from "../payment-provider";
import type { WechatPayMerchant } from "./wechat-pay-keys";

/** A WeChat Pay transaction (支付订单), as a notification's decrypted resource and a query both give it. */
interface Transaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: string;
  success_time?: string;
  amount: { total: number };
}

/**
 * Only SUCCESS means the money arrived; REFUND is a payment that arrived and was (partly) refunded since, so it
 * was paid too. NOTPAY / USERPAYING may still be paid; CLOSED / REVOKED / PAYERROR never will.
 */
const STATES: Record<string, PaymentReport["state"]> = {
  SUCCESS: "paid",
  REFUND: "paid",
  NOTPAY: "pending",
  USERPAYING: "pending",
  CLOSED: "closed",
  REVOKED: "closed",
  PAYERROR: "closed",
};

/**
 * What a transaction reports, once it is shown to be ours: a transaction of another app or merchant is refused
 * whatever it says. The amount is integer fen as WeChat Pay sends it; anything else is refused, not rounded.
 */
export function reportOfTransaction(value: unknown, merchant: WechatPayMerchant): PaymentReport {
  const transaction = value as Partial<Transaction> | null;
  if (typeof transaction !== "object" || transaction === null) throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  if (transaction.appid !== merchant.appId || transaction.mchid !== merchant.mchId) {
    throw new AppError("WECHATPAY_FOREIGN_MERCHANT", undefined, {
      appid: transaction.appid,
      mchid: transaction.mchid,
    });
  }
  const state = STATES[transaction.trade_state ?? ""];
  const total = transaction.amount?.total;
  if (
    typeof transaction.out_trade_no !== "string" ||
    !state ||
    typeof total !== "number" ||
    !Number.isSafeInteger(total) ||
    total < 0
  ) {
    throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  }
  const paidAt = state === "paid" && transaction.success_time ? new Date(transaction.success_time) : null;
  if (paidAt && Number.isNaN(paidAt.getTime())) throw new AppError("WECHATPAY_NOTIFICATION_MALFORMED");
  return {
    outTradeNo: transaction.out_trade_no,
    providerTradeNo: transaction.transaction_id || null,
    state,
    amountFen: total,
    paidAt,
  };
}

/** RFC 3339 in Beijing time, as WeChat Pay writes it: 2026-05-20T13:29:35+08:00. */
export function chinaTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
