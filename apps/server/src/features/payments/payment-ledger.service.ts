import {
  type ConsoleOrderQuery,
  type ConsolePayment,
  consoleOrderQuerySchema,
  type DailyTotals,
  paymentChannels,
} from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { beijingDayStart } from "../../shared/beijing-time";
import { dailyTotals, pagePayments } from "./payments.queries";

/** The console's payments: every attempt searchable, refunds beside them, a day's totals per channel. */
export class PaymentLedger {
  constructor(private readonly database: UnitOfWork) {}

  async search(
    query: ConsoleOrderQuery,
  ): Promise<{ items: ConsolePayment[]; total: number; page: number; pageSize: number }> {
    const q = consoleOrderQuerySchema.parse(query);
    const { total, rows } = await pagePayments(
      this.database.db,
      {
        orderNo: q.orderNo,
        enterpriseName: q.enterprise,
        holderName: q.holder,
        from: q.from ? beijingDayStart(q.from) : undefined,
        to: q.to ? beijingDayStart(q.to, 1) : undefined,
        channel: q.channel,
        status: q.status,
      },
      q,
    );
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => ({
        paymentId: r.id,
        outTradeNo: r.out_trade_no,
        channel: r.channel,
        amountFen: r.amount_fen,
        status: r.status,
        createdAt: r.created_at,
        paidAt: r.paid_at,
        orderId: r.order_id,
        orderNo: r.order_no,
        orderStatus: r.order_status,
        enterpriseName: r.enterprise_name,
        providerTradeNo: r.provider_trade_no,
        refundedFen: Number(r.refunded_fen ?? 0),
        automaticRefund: Number(r.automatic_refunds ?? 0) > 0,
        failedRefundId: r.latest_refund_status === "failed" && r.status === "paid" ? r.latest_refund_id : null,
      })),
    };
  }

  /** A Beijing day's money per channel: what was paid that day and what went back that day. */
  async dailyTotals(date: string): Promise<DailyTotals> {
    const { paid, refunded } = await dailyTotals(this.database.db, beijingDayStart(date), beijingDayStart(date, 1));
    return {
      date,
      channels: paymentChannels.map((channel) => {
        const p = paid.find((row) => row.channel === channel);
        return {
          channel,
          paidCount: Number(p?.n ?? 0),
          paidFen: Number(p?.fen ?? 0),
          refundedFen: Number(refunded.find((row) => row.channel === channel)?.fen ?? 0),
        };
      }),
    };
  }
}
