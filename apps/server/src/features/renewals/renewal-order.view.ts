import type { RenewalOrder, RenewalOrderSummary } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import { groupBy } from "../../shared/group-by";
import {
  findOrderParties,
  listItemPlatforms,
  listItemsOfOrder,
  listPaymentsOfOrder,
  type OrderRow,
  type pageOrders,
  summariseOrders,
} from "./renewals.queries";

/** An order as its pages show it: every item with its old and new platforms, and the payments tried. */
export async function orderView(db: DbOrTx, order: OrderRow): Promise<RenewalOrder> {
  const [items, payments, [enterprise, creator]] = await Promise.all([
    listItemsOfOrder(db, order.id),
    listPaymentsOfOrder(db, order.id),
    findOrderParties(db, order),
  ]);
  const platforms = groupBy(
    await listItemPlatforms(
      db,
      items.map((i) => i.id),
    ),
    (p) => p.item_id,
  );
  return {
    id: order.id,
    orderNo: order.order_no,
    status: order.status,
    totalFen: order.total_fen,
    enterpriseId: order.enterprise_id,
    enterpriseName: enterprise?.name ?? null,
    createdByName: creator?.name ?? "",
    createdAt: order.created_at,
    expiresAt: order.expires_at,
    paidAt: order.paid_at,
    items: items.map((item) => ({
      itemId: item.id,
      certificateId: item.certificate_id,
      priceFen: item.price_fen,
      status: item.status,
      holderName: item.holder_name,
      categoryCode: item.category_code,
      categoryName: item.category_name ?? item.category_code,
      vendor: item.vendor_name ?? "",
      notAfter: item.not_after,
      baseFeeFen: item.base_fee_fen,
      previousPlatformCodes: JSON.parse(item.previous_platform_codes) as string[],
      platforms: (platforms.get(item.id) ?? []).map((p) => ({ code: p.code, name: p.name, feeFen: p.fee_fen })),
    })),
    payments: payments.map((p) => ({
      paymentId: p.id,
      outTradeNo: p.out_trade_no,
      channel: p.channel,
      amountFen: p.amount_fen,
      status: p.status,
      createdAt: p.created_at,
      paidAt: p.paid_at,
    })),
  };
}

type OrderPageRow = Awaited<ReturnType<typeof pageOrders>>["rows"][number];

/** A page of orders as the lists show them: who is in each, and the channel that paid it. */
export async function orderSummaries(db: DbOrTx, rows: OrderPageRow[]): Promise<RenewalOrderSummary[]> {
  const { holders, channels } = await summariseOrders(
    db,
    rows.map((r) => r.id),
  );
  const holdersOf = groupBy(holders, (h) => h.order_id);
  const channelOf = new Map(channels.map((c) => [c.order_id, c.channel]));
  return rows.map((r) => {
    const names = (holdersOf.get(r.id) ?? []).map((h) => h.holder_name);
    return {
      id: r.id,
      orderNo: r.order_no,
      status: r.status,
      totalFen: r.total_fen,
      itemCount: names.length,
      holderNames: [...new Set(names)].slice(0, 5),
      enterpriseName: r.enterprise_name,
      createdByName: r.created_by_name ?? "",
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      paidAt: r.paid_at,
      channel: channelOf.get(r.id) ?? null,
    };
  });
}
