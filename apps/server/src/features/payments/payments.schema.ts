/**
 * Payments of renewal orders and their refunds. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export interface PaymentsTable {
  id: string;
  order_id: string;
  channel: "alipay" | "wechat";
  out_trade_no: string;
  amount_fen: number;
  status: "created" | "paid" | "closed" | "refunding" | "refunded" | "failed";
  provider_trade_no: Nullable<string>;
  paid_at: Nullable<string>;
  last_notification: Nullable<string>;
  /** What the cashier page shows again on reload: Alipay's page, WeChat's Native code. */
  pay_url: Nullable<string>;
  code_url: Nullable<string>;
  /** When the provider was last asked about this payment (no notification came). */
  queried_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface RefundsTable {
  id: string;
  payment_id: string;
  out_refund_no: string;
  amount_fen: number;
  status: "requested" | "succeeded" | "failed";
  reason: Nullable<string>;
  requested_by_staff_id: Nullable<string>;
  /** 1 when the platform refunded by itself: a payment for an order already expired, cancelled or paid. */
  automatic: Generated<number>;
  created_at: string;
  updated_at: string;
}
