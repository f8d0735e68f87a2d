import type { PaymentChannel } from "../apps/server/src/adapters/payments/payment-provider";
import type { AppContext } from "../apps/server/src/app/context";
import type { AssociationsTable } from "../apps/server/src/db/schema";
import { insertAssociationRows } from "../apps/server/src/features/certificates/certificates.queries";
import { recordCertificatesOnTokens } from "../apps/server/src/features/certificates/certificates.service";
import { insertPayment } from "../apps/server/src/features/payments/payments.queries";
import { formatOrderNo } from "../apps/server/src/features/renewals/renewal-orders.service";
import { insertOrder } from "../apps/server/src/features/renewals/renewals.queries";
import { newId } from "../apps/server/src/shared/ids";

/** The platforms each bench certificate is associated with now. */
export const HELD_PLATFORMS = ["ln-jsgc", "ln-ztbjg", "ln-zfcg", "sy-ggzy", "dl-ggzy", "as-ggzy", "jz-ggzy", "cy-ggzy"];

/**
 * `count` project leads' keys of the enterprise, each on 8 platforms, written in bulk the way the registry
 * import records them, 500 a batch as it does (issuing 1,000 real certificates would take minutes and measure
 * nothing here).
 */
export async function recordMemberCertificates(
  ctx: AppContext,
  enterpriseId: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; first < count; first += 500) {
    ids.push(...(await recordCertificateBatch(ctx, enterpriseId, first, Math.min(500, count - first))));
  }
  return ids;
}

async function recordCertificateBatch(
  ctx: AppContext,
  enterpriseId: string,
  first: number,
  count: number,
): Promise<string[]> {
  const now = ctx.clock.now();
  const platformIds = await ctx.catalog.activePlatformIdsByCode();
  return ctx.database.transaction(async (trx) => {
    const rows = await recordCertificatesOnTokens(
      trx,
      Array.from({ length: count }, (_, n) => first + n).map((i) => ({
        tokenLabel: null,
        certificate: {
          serial_number: (0x10_0000 + i).toString(16),
          issuer: "CN=压测 CA",
          holder_kind: "personal" as const,
          holder_name: `压测持证人${i}`,
          category_code: "project_lead",
          enterprise_id: enterpriseId,
          not_after: new Date(now.getTime() + (10 + (i % 50)) * 86_400_000).toISOString(),
          source: "registry" as const,
        },
      })),
      now,
    );
    const associations: AssociationsTable[] = rows.flatMap((row) =>
      HELD_PLATFORMS.map((code) => ({
        id: newId(),
        certificate_id: row.id,
        platform_id: platformIds.get(code) ?? "",
        status: "active" as const,
        started_at: now.toISOString(),
        ended_at: null,
        ended_reason: null,
      })),
    );
    await insertAssociationRows(trx, associations);
    return rows.map((row) => row.id);
  });
}

/**
 * One unpaid order of one certificate for each of `certificateIds`, each with a payment started on `channel`,
 * written in bulk in the shape RenewalOrderService.create and PaymentService.start write them. Returns each
 * payment's merchant order number and amount.
 */
export async function recordStartedPayments(
  ctx: AppContext,
  input: {
    admin: { userId: string; identityId: string; enterpriseId: string };
    certificateIds: readonly string[];
    channel: PaymentChannel;
    firstOrderNumber: number;
  },
): Promise<{ outTradeNo: string; amountFen: number }[]> {
  const now = ctx.clock.now();
  const iso = now.toISOString();
  const priceList = await ctx.catalog.priceList();
  const platformIds = await ctx.catalog.activePlatformIdsByCode();
  const codes = HELD_PLATFORMS.slice(0, 3);
  const priceFen = codes.reduce((sum, code) => sum + (priceList.platformFeeFen.get(code) ?? 0), 0);
  return ctx.database.transaction(async (trx) => {
    const started: { outTradeNo: string; amountFen: number }[] = [];
    for (const [i, certificateId] of input.certificateIds.entries()) {
      const orderNo = formatOrderNo(now, input.firstOrderNumber + i);
      const order = {
        id: newId(),
        order_no: orderNo,
        enterprise_id: input.admin.enterpriseId,
        created_by_user_id: input.admin.userId,
        identity_id: input.admin.identityId,
        status: "pending_payment" as const,
        total_fen: priceFen,
        idempotency_key: null,
        expires_at: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
        paid_at: null,
        created_at: iso,
        updated_at: iso,
      };
      const item = {
        id: newId(),
        order_id: order.id,
        certificate_id: certificateId,
        holder_user_id: null,
        category_code: "project_lead",
        base_fee_fen: 0,
        price_fen: priceFen,
        previous_platform_codes: JSON.stringify(HELD_PLATFORMS),
        status: "awaiting_payment" as const,
        refund_id: null,
        created_at: iso,
        updated_at: iso,
      };
      const platforms = codes.map((code) => ({
        item_id: item.id,
        platform_id: platformIds.get(code) ?? "",
        fee_fen: priceList.platformFeeFen.get(code) ?? 0,
      }));
      await insertOrder(trx, order, [item], platforms);
      const outTradeNo = `${orderNo}P01`;
      await insertPayment(trx, {
        id: newId(),
        order_id: order.id,
        channel: input.channel,
        out_trade_no: outTradeNo,
        amount_fen: priceFen,
        status: "created",
        provider_trade_no: null,
        paid_at: null,
        last_notification: null,
        pay_url: null,
        code_url: null,
        queried_at: null,
        created_at: iso,
        updated_at: iso,
      });
      started.push({ outTradeNo, amountFen: priceFen });
    }
    return started;
  });
}
