/**
 * Renewal orders as rows, for the features that hang off an order (invoices) until the renewals feature's own
 * service makes them: one order of the given certificates, in the state the test needs, priced as given.
 */
import type { AppContext } from "../../../src/app/context";
import type { CertificatesTable, RenewalItemStatus, RenewalOrderStatus } from "../../../src/db/schema";
import { newId } from "../../../src/shared/ids";
import { nextSeq } from "../identifiers";

const ITEM_STATUS: Record<RenewalOrderStatus, RenewalItemStatus> = {
  pending_payment: "awaiting_payment",
  paid: "awaiting_update",
  completed: "completed",
  cancelled: "cancelled",
  expired: "cancelled",
  refunded: "refunded",
};

export async function buildRenewalOrder(
  ctx: AppContext,
  input: {
    enterpriseId: string | null;
    userId: string;
    identityId: string;
    lines: { certificate: CertificatesTable; priceFen: number }[];
    status?: RenewalOrderStatus;
  },
): Promise<{ id: string; orderNo: string; totalFen: number }> {
  const status = input.status ?? "pending_payment";
  if (input.lines.some((line) => !line.certificate.category_code))
    throw new Error("a renewed certificate has a category");
  const now = ctx.clock.now();
  const iso = now.toISOString();
  const id = newId();
  const orderNo = `PL${iso.slice(0, 10).replace(/-/g, "")}${String(nextSeq()).padStart(6, "0")}`;
  const totalFen = input.lines.reduce((sum, line) => sum + line.priceFen, 0);
  await ctx.database.transaction(async (trx) => {
    await trx
      .insertInto("renewal_orders")
      .values({
        id,
        order_no: orderNo,
        enterprise_id: input.enterpriseId,
        created_by_user_id: input.userId,
        identity_id: input.identityId,
        status,
        total_fen: totalFen,
        idempotency_key: null,
        expires_at: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
        paid_at: status === "paid" || status === "completed" || status === "refunded" ? iso : null,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    await trx
      .insertInto("renewal_items")
      .values(
        input.lines.map(({ certificate, priceFen }) => ({
          id: newId(),
          order_id: id,
          certificate_id: certificate.id,
          holder_user_id: null,
          category_code: certificate.category_code ?? "",
          base_fee_fen: 0,
          price_fen: priceFen,
          previous_platform_codes: "[]",
          status: ITEM_STATUS[status],
          created_at: iso,
          updated_at: iso,
        })),
      )
      .execute();
  });
  return { id, orderNo, totalFen };
}
