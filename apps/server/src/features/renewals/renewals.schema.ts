/**
 * Renewal orders (CA 延期年检), their lines and the platforms chosen for each line. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export type RenewalOrderStatus = "pending_payment" | "paid" | "completed" | "cancelled" | "expired" | "refunded";

export interface RenewalOrdersTable {
  id: string;
  order_no: string;
  enterprise_id: Nullable<string>;
  created_by_user_id: string;
  identity_id: string;
  status: RenewalOrderStatus;
  total_fen: number;
  idempotency_key: Nullable<string>;
  expires_at: string;
  paid_at: Nullable<string>;
  wants_invoice: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type RenewalItemStatus =
  | "awaiting_payment"
  | "awaiting_update"
  | "updating"
  | "completed"
  | "cancelled"
  | "refunded";

export interface RenewalItemsTable {
  id: string;
  order_id: string;
  certificate_id: string;
  holder_user_id: Nullable<string>;
  category_code: string;
  base_fee_fen: number;
  price_fen: number;
  previous_platform_codes: string;
  status: RenewalItemStatus;
  /** The refund that gave this item's money back (whole order or this item). */
  refund_id: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface RenewalItemPlatformsTable {
  item_id: string;
  platform_id: string;
  fee_fen: number;
}

/** The last order number handed out on each Beijing day (PL + YYYYMMDD + counter). */
export interface OrderNumberDaysTable {
  day: string;
  last_number: number;
}
