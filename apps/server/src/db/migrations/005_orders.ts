import { sql } from "kysely";
import { type MigrationDb, nonNegative, oneOf, withId, withTimestamps } from "./helpers";

const OPEN_ITEM_STATES = ["awaiting_payment", "awaiting_update", "updating"];

/** Renewal orders and their lines, payments and refunds, invoice requests, key updates. */
export async function up(db: MigrationDb): Promise<void> {
  await withTimestamps(withId(db.schema.createTable("renewal_orders")))
    .addColumn("order_no", "text", (c) => c.notNull().unique())
    .addColumn("enterprise_id", "text", (c) => c.references("enterprises.id"))
    .addColumn("created_by_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("identity_id", "text", (c) => c.notNull().references("identities.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["pending_payment", "paid", "completed", "cancelled", "expired", "refunded"])),
    )
    .addColumn("total_fen", "integer", (c) => c.notNull().check(nonNegative("total_fen")))
    // The client's key for "submit order", so a retried submit never makes a second order.
    .addColumn("idempotency_key", "text", (c) => c.unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("paid_at", "text")
    .addColumn("wants_invoice", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await withTimestamps(withId(db.schema.createTable("renewal_items")))
    .addColumn("order_id", "text", (c) => c.notNull().references("renewal_orders.id"))
    .addColumn("certificate_id", "text", (c) => c.notNull().references("certificates.id"))
    .addColumn("holder_user_id", "text", (c) => c.references("users.id"))
    .addColumn("category_code", "text", (c) => c.notNull().references("certificate_categories.code"))
    .addColumn("base_fee_fen", "integer", (c) => c.notNull().check(nonNegative("base_fee_fen")))
    .addColumn("price_fen", "integer", (c) => c.notNull().check(nonNegative("price_fen")))
    .addColumn("previous_platform_codes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", [...OPEN_ITEM_STATES, "completed", "cancelled", "refunded"])),
    )
    .execute();
  // A certificate is in at most one open order.
  await db.schema
    .createIndex("renewal_items_open_uq")
    .on("renewal_items")
    .column("certificate_id")
    .unique()
    .where(sql.ref("status"), "in", OPEN_ITEM_STATES)
    .execute();
  await db.schema.createIndex("renewal_items_order_idx").on("renewal_items").column("order_id").execute();

  // The platforms chosen for the renewed certificate, with the fee as priced at order time.
  await db.schema
    .createTable("renewal_item_platforms")
    .addColumn("item_id", "text", (c) => c.notNull().references("renewal_items.id"))
    .addColumn("platform_id", "text", (c) => c.notNull().references("platforms.id"))
    .addColumn("fee_fen", "integer", (c) => c.notNull().check(nonNegative("fee_fen")))
    .addPrimaryKeyConstraint("renewal_item_platforms_pk", ["item_id", "platform_id"])
    .execute();

  await withTimestamps(withId(db.schema.createTable("payments")))
    .addColumn("order_id", "text", (c) => c.notNull().references("renewal_orders.id"))
    .addColumn("channel", "text", (c) => c.notNull().check(oneOf("channel", ["alipay", "wechat"])))
    .addColumn("out_trade_no", "text", (c) => c.notNull().unique())
    .addColumn("amount_fen", "integer", (c) => c.notNull().check(nonNegative("amount_fen")))
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["created", "paid", "closed", "refunding", "refunded", "failed"])),
    )
    .addColumn("provider_trade_no", "text")
    .addColumn("paid_at", "text")
    .addColumn("last_notification", "text")
    .execute();
  await db.schema
    .createIndex("payments_one_paid_uq")
    .on("payments")
    .column("order_id")
    .unique()
    .where(sql.ref("status"), "in", ["paid", "refunding", "refunded"])
    .execute();

  await withTimestamps(withId(db.schema.createTable("refunds")))
    .addColumn("payment_id", "text", (c) => c.notNull().references("payments.id"))
    .addColumn("out_refund_no", "text", (c) => c.notNull().unique())
    .addColumn("amount_fen", "integer", (c) => c.notNull().check(nonNegative("amount_fen")))
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["requested", "succeeded", "failed"])))
    .addColumn("reason", "text")
    .addColumn("requested_by_staff_id", "text", (c) => c.references("staff.id"))
    .execute();

  await withTimestamps(withId(db.schema.createTable("invoice_requests")))
    .addColumn("order_id", "text", (c) => c.notNull().unique().references("renewal_orders.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(oneOf("kind", ["e_normal", "paper_special"])))
    .addColumn("title_type", "text", (c) => c.notNull().check(oneOf("title_type", ["enterprise", "personal"])))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("taxpayer_number", "text")
    .addColumn("address", "text")
    .addColumn("phone", "text")
    .addColumn("bank", "text")
    .addColumn("bank_account", "text")
    .addColumn("email", "text")
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["requested", "issued", "cancelled"])))
    .addColumn("file_id", "text")
    .addColumn("issued_at", "text")
    .execute();

  await withTimestamps(withId(db.schema.createTable("key_updates")))
    .addColumn("renewal_item_id", "text", (c) => c.notNull().unique().references("renewal_items.id"))
    .addColumn("old_certificate_id", "text", (c) => c.notNull().references("certificates.id"))
    .addColumn("new_certificate_id", "text", (c) => c.references("certificates.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(
          oneOf("status", ["pending", "renewal_requested", "csr_received", "issued", "written", "confirmed", "failed"]),
        ),
    )
    .addColumn("ca_reference", "text")
    .addColumn("csr_pem", "text")
    .addColumn("new_certificate_pem", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();
}
