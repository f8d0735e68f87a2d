import { sql } from "kysely";
import { type MigrationDb, nonNegative } from "./helpers";

/**
 * Renewal orders and their payments (J5):
 * - order numbers `PL` + Beijing date + a counter per day, taken by one UPDATE … RETURNING, so two server
 *   processes never hand out the same number;
 * - a second paid payment of one order is possible (the payer pays on both channels, or pays an order that has
 *   just expired): it is recorded and refunded, so "one paid payment per order" is no longer an index but the
 *   order's own transition to paid, which only one payment wins;
 * - what the cashier page shows again on reload (pay URL, QR code), the last time the provider was asked;
 * - refunds that the platform made by itself (late or duplicate payments) and the items a refund covers.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable("order_number_days")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("last_number", "integer", (c) => c.notNull().check(nonNegative("last_number")))
    .execute();

  await db.schema.dropIndex("payments_one_paid_uq").execute();
  await db.schema.alterTable("payments").addColumn("pay_url", "text").execute();
  await db.schema.alterTable("payments").addColumn("code_url", "text").execute();
  await db.schema.alterTable("payments").addColumn("queried_at", "text").execute();
  await db.schema.createIndex("payments_order_idx").on("payments").column("order_id").execute();
  await db.schema.createIndex("payments_status_idx").on("payments").columns(["status", "created_at"]).execute();
  await db.schema.createIndex("payments_paid_at_idx").on("payments").column("paid_at").execute();

  await db.schema
    .alterTable("refunds")
    .addColumn("automatic", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("refunds_payment_idx").on("refunds").column("payment_id").execute();
  await db.schema.alterTable("renewal_items").addColumn("refund_id", "text").execute();

  await db.schema
    .createIndex("renewal_orders_enterprise_idx")
    .on("renewal_orders")
    .columns(["enterprise_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("renewal_orders_creator_idx")
    .on("renewal_orders")
    .columns(["created_by_user_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("renewal_orders_expiry_idx")
    .on("renewal_orders")
    .columns(["status", "expires_at"])
    .execute();
  await db.schema.createIndex("renewal_items_certificate_idx").on("renewal_items").column("certificate_id").execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex("renewal_items_certificate_idx").execute();
  await db.schema.dropIndex("renewal_orders_expiry_idx").execute();
  await db.schema.dropIndex("renewal_orders_creator_idx").execute();
  await db.schema.dropIndex("renewal_orders_enterprise_idx").execute();
  await db.schema.alterTable("renewal_items").dropColumn("refund_id").execute();
  await db.schema.dropIndex("refunds_payment_idx").execute();
  await db.schema.alterTable("refunds").dropColumn("automatic").execute();
  await db.schema.dropIndex("payments_paid_at_idx").execute();
  await db.schema.dropIndex("payments_status_idx").execute();
  await db.schema.dropIndex("payments_order_idx").execute();
  await db.schema.alterTable("payments").dropColumn("queried_at").execute();
  await db.schema.alterTable("payments").dropColumn("code_url").execute();
  await db.schema.alterTable("payments").dropColumn("pay_url").execute();
  await db.schema
    .createIndex("payments_one_paid_uq")
    .on("payments")
    .column("order_id")
    .unique()
    .where(sql.ref("status"), "in", ["paid", "refunding", "refunded"])
    .execute();
  await db.schema.dropTable("order_number_days").execute();
}
