import type { RefundRequest } from "@lnca/contracts";
import type { Logger } from "pino";
import type { PaymentChannel, PaymentProvider } from "../../adapters/payments/payment-provider";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../policy/actor";
import { systemActor } from "../policy/actor";
import type { OrderSettlement } from "../renewals/order-settlement.service";
import {
  findLatestRefundOf,
  findPayment,
  findRefund,
  insertRefund,
  listPaymentsOfOrder,
  lockPayment,
  moveItemsToRefund,
  type PaymentRow,
  sumSucceededRefunds,
} from "./payments.queries";
import { paymentMachine, refundMachine } from "./payments.states";
import "./payments.audit";

/** What a whole order's refund cancels on the invoice side (features/invoices). */
export interface InvoiceCancellation {
  cancelForOrder(trx: DbOrTx, orderId: string, actor: Actor): Promise<void>;
}

/**
 * Refunds: from the console (whole order or some items, with a reason) and by themselves (a payment that
 * landed on an order already expired, cancelled or paid). The refund row, the items, the payment's move to
 * refunding, the audit rows and the `payments.refund` job commit together; the job asks the provider with the
 * refund's own number, so a retried job refunds once.
 */
export class RefundService {
  constructor(
    private readonly deps: {
      database: UnitOfWork;
      clock: Clock;
      logger: Logger;
      providers: Partial<Record<PaymentChannel, PaymentProvider>>;
      settlement: OrderSettlement;
      invoices?: InvoiceCancellation;
    },
  ) {}

  /** 【退款】 in the console: the order's paid payment gives back the chosen items' price. */
  async refundOrder(actor: Actor, orderId: string, request: RefundRequest): Promise<{ refundId: string }> {
    const { database, clock, settlement } = this.deps;
    return database.transaction(async (trx) => {
      const now = clock.now();
      const order = await settlement.lock(trx, orderId);
      const payment = (await listPaymentsOfOrder(trx, orderId)).find((p) => p.status === "paid");
      if (!payment || order.status !== "paid") throw new AppError("ORDER_NOT_REFUNDABLE");
      const refundId = newId();
      const { refundFen, wholeOrder } = await settlement.refundItems(trx, order, request.itemIds, refundId, actor, now);
      await this.request(trx, actor, payment, { refundId, refundFen, reason: request.reason, automatic: false }, now);
      if (wholeOrder) await this.deps.invoices?.cancelForOrder(trx, orderId, actor);
      return { refundId };
    });
  }

  /**
   * 【重新退款】: the provider refused a refund (the payment went back to paid); the operator asks again for the
   * same amount under a new refund number, for the same items. Only the payment's latest refund, once.
   */
  async retry(actor: Actor, refundId: string): Promise<{ refundId: string }> {
    const { database, clock } = this.deps;
    return database.transaction(async (trx) => {
      const failed = await findRefund(trx, refundId);
      if (!failed) throw new AppError("REFUND_NOT_FOUND");
      const payment = await lockPayment(trx, failed.payment_id, database.kind);
      const latest = await findLatestRefundOf(trx, failed.payment_id);
      if (failed.status !== "failed" || latest?.id !== failed.id || payment?.status !== "paid") {
        throw new AppError("REFUND_NOT_RETRYABLE");
      }
      const retryId = newId();
      const refund = {
        refundId: retryId,
        refundFen: failed.amount_fen,
        reason: failed.reason ?? "退款",
        automatic: failed.automatic === 1,
      };
      await this.request(trx, actor, payment, refund, clock.now());
      await moveItemsToRefund(trx, failed.id, retryId);
      return { refundId: retryId };
    });
  }

  /** Inside the payment's transaction: money that arrived for an order that no longer takes it goes back. */
  async refundAutomatically(trx: DbOrTx, payment: PaymentRow, reason: string, at: Date): Promise<void> {
    await this.request(
      trx,
      systemActor,
      { ...payment, status: "paid" },
      { refundId: newId(), refundFen: payment.amount_fen, reason, automatic: true },
      at,
    );
  }

  /** The `payments.refund` job. "Processing" throws, so the outbox asks again later with the same number. */
  readonly refundJob = async ({ refundId }: { refundId: string }): Promise<void> => {
    const { database, clock } = this.deps;
    const refund = await findRefund(database.db, refundId);
    if (refund?.status !== "requested") return;
    const payment = await findPayment(database.db, refund.payment_id);
    const provider = payment && this.deps.providers[payment.channel];
    if (!payment || !provider) throw new AppError("PAYMENT_CHANNEL_UNAVAILABLE");
    const outcome = await provider.refund({
      outTradeNo: payment.out_trade_no,
      outRefundNo: refund.out_refund_no,
      refundFen: refund.amount_fen,
      totalFen: payment.amount_fen,
      reason: refund.reason ?? "退款",
    });
    if (outcome.state === "processing") throw new Error(`refund ${refund.out_refund_no} still processing`);
    await database.transaction(async (trx) => {
      const now = clock.now();
      const locked = await lockPayment(trx, payment.id, database.kind);
      if (locked?.status !== "refunding") return;
      const succeeded = outcome.state === "succeeded";
      await transition(trx, refundMachine, {
        id: refund.id,
        from: "requested",
        to: succeeded ? "succeeded" : "failed",
        set: { updated_at: now.toISOString() },
        audit: {
          actor: systemActor,
          action: succeeded ? "refund.succeeded" : "refund.failed",
          data: { paymentId: payment.id },
        },
        at: now,
      });
      const refunded = succeeded && (await sumSucceededRefunds(trx, payment.id)) >= payment.amount_fen;
      await transition(trx, paymentMachine, {
        id: payment.id,
        from: "refunding",
        to: refunded ? "refunded" : "paid",
        set: { updated_at: now.toISOString() },
        audit: {
          actor: systemActor,
          action: succeeded ? "payment.refunded" : "payment.refund_failed",
          data: { orderId: payment.order_id, refundId: refund.id },
        },
        at: now,
      });
    });
  };

  private async request(
    trx: DbOrTx,
    actor: Actor,
    payment: PaymentRow,
    refund: { refundId: string; refundFen: number; reason: string; automatic: boolean },
    at: Date,
  ): Promise<void> {
    const iso = at.toISOString();
    await insertRefund(trx, {
      id: refund.refundId,
      payment_id: payment.id,
      out_refund_no: `${payment.out_trade_no}R${refund.refundId.slice(-8)}`,
      amount_fen: refund.refundFen,
      status: "requested",
      reason: refund.reason,
      requested_by_staff_id: actor.kind === "staff" ? actor.staffId : null,
      automatic: refund.automatic ? 1 : 0,
      created_at: iso,
      updated_at: iso,
    });
    await recordAudit(
      trx,
      actor,
      "refund.requested",
      { kind: "refund", id: refund.refundId },
      { paymentId: payment.id, amountFen: refund.refundFen, reason: refund.reason, automatic: refund.automatic },
      at,
    );
    await transition(trx, paymentMachine, {
      id: payment.id,
      from: "paid",
      to: "refunding",
      set: { updated_at: iso },
      audit: {
        actor,
        action: "payment.refunding",
        data: { orderId: payment.order_id, refundId: refund.refundId, amountFen: refund.refundFen },
      },
      jobs: [
        { kind: "payments.refund", payload: { refundId: refund.refundId }, dedupeKey: `refund:${refund.refundId}` },
      ],
      at,
    });
  }
}
