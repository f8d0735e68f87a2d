/**
 * Payments of renewal orders and their refunds. Column conventions: db/schema.ts.
 */
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
  created_at: string;
  updated_at: string;
}
