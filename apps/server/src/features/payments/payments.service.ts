import type { ErrorCode, InvoiceRequestInput, PaymentStart, PaymentStartRequest, PaymentState } from "@lnca/contracts";
import type { Logger } from "pino";
import type {
  PaymentChannel,
  PaymentNotification,
  PaymentProvider,
  PaymentReport,
} from "../../adapters/payments/payment-provider";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import { enqueueJob, type JobRequest } from "../outbox/outbox";
import { type Actor, systemActor } from "../policy/actor";
import { authorize } from "../policy/policy";
import type { OrderSettlement } from "../renewals/order-settlement.service";
import { resourceOf } from "../renewals/renewal-orders.service";
import {
  findPayment,
  findPaymentByOutTradeNo,
  insertPayment,
  listPaymentsOfOrder,
  listPaymentsToQuery,
  lockPayment,
  markOrderWantsInvoice,
  type PaymentRow,
  setPaymentStart,
  setQueriedAt,
} from "./payments.queries";
import { paymentMachine } from "./payments.states";
import type { RefundService } from "./refunds.service";
import "./payments.audit";

/** The invoice side of 【立即支付】 (features/invoices), kept in the payment's transaction. */
export interface InvoiceRequests {
  recordRequest(
    trx: DbOrTx,
    request: { actor: Actor; orderId: string; enterpriseId: string | null; input: InvoiceRequestInput; now: Date },
  ): Promise<unknown>;
}

/**
 * Paying a renewal order (J5) through Alipay or WeChat Pay, exactly once: a payment attempt per 【立即支付】
 * (reused while its cashier page is still good), each provider's signed notification verified by its adapter
 * and applied under the payment's lock — duplicates, concurrent copies and replays change nothing; a payment
 * that lands on an order already expired, cancelled or paid is recorded and refunded by itself; when no
 * notification comes the provider is asked until the order expires.
 */
export class PaymentService {
  constructor(
    private readonly deps: {
      database: UnitOfWork;
      clock: Clock;
      logger: Logger;
      providers: Partial<Record<PaymentChannel, PaymentProvider>>;
      settlement: OrderSettlement;
      refunds: RefundService;
      invoices?: InvoiceRequests;
      publicOrigin: string;
    },
  ) {}

  /** 【立即支付】: records the invoice choice, opens (or reuses) a payment, and asks the provider for its cashier. */
  async start(actor: Actor, orderId: string, request: PaymentStartRequest): Promise<PaymentStart> {
    const { database, clock, settlement } = this.deps;
    const provider = this.provider(request.channel);
    const { payment, order, reused } = await database.transaction(async (trx) => {
      const now = clock.now();
      const order = await settlement.lock(trx, orderId);
      authorize(actor, "renewal_order.pay", resourceOf(order));
      settlement.assertPayable(order, now);
      if (request.invoice) {
        if (!this.deps.invoices) throw new AppError("VALIDATION_FAILED", "暂不支持开具发票");
        await this.deps.invoices.recordRequest(trx, {
          actor,
          now,
          orderId,
          enterpriseId: order.enterprise_id,
          input: request.invoice,
        });
        await markOrderWantsInvoice(trx, orderId, now.toISOString());
      }
      const payments = await listPaymentsOfOrder(trx, orderId);
      // One open payment per channel: a second click (or a start whose provider call has not answered yet)
      // takes it again; asking the provider again with the same out_trade_no gives the same cashier.
      const open = payments.find((p) => p.status === "created" && p.channel === request.channel);
      if (open) return { payment: open, order, reused: Boolean(open.pay_url ?? open.code_url) };
      const iso = now.toISOString();
      const row: PaymentRow = {
        id: newId(),
        order_id: orderId,
        channel: request.channel,
        out_trade_no: `${order.order_no}P${String(payments.length + 1).padStart(2, "0")}`,
        amount_fen: order.total_fen,
        status: "created",
        provider_trade_no: null,
        paid_at: null,
        last_notification: null,
        pay_url: null,
        code_url: null,
        queried_at: null,
        created_at: iso,
        updated_at: iso,
      };
      await insertPayment(trx, row);
      await recordAudit(
        trx,
        actor,
        "payment.started",
        { kind: "payment", id: row.id },
        { orderId, channel: row.channel, amountFen: row.amount_fen },
        now,
      );
      return { payment: row, order, reused: false };
    });
    if (reused) return startOf(payment);
    try {
      const started = await provider.create({
        outTradeNo: payment.out_trade_no,
        amountFen: payment.amount_fen,
        subject: `CA 数字证书延期年检 ${order.order_no}`,
        expiresAt: new Date(order.expires_at),
        returnUrl: `${this.deps.publicOrigin}/center/orders/${order.id}`,
      });
      const links = {
        pay_url: started.kind === "redirect" ? started.payUrl : null,
        code_url: started.kind === "qr_code" ? started.codeUrl : null,
      };
      await setPaymentStart(database.db, payment.id, { ...links, updated_at: clock.now().toISOString() });
      return startOf({ ...payment, ...links });
    } catch (error) {
      this.deps.logger.warn({ err: error, paymentId: payment.id }, "payment provider refused to create a payment");
      await database.transaction((trx) =>
        transition(trx, paymentMachine, {
          id: payment.id,
          from: "created",
          to: "failed",
          set: { updated_at: clock.now().toISOString() },
          audit: { actor: systemActor, action: "payment.failed", data: { orderId: payment.order_id } },
        }),
      );
      throw error instanceof AppError ? error : new AppError("PAYMENT_PROVIDER_FAILED");
    }
  }

  /** What the cashier page polls. */
  async state(actor: Actor, paymentId: string): Promise<PaymentState> {
    const db = this.deps.database.db;
    const payment = await findPayment(db, paymentId);
    if (!payment) throw new AppError("PAYMENT_NOT_FOUND");
    const order = await this.deps.settlement.find(db, payment.order_id);
    authorize(actor, "renewal_order.read", resourceOf(order));
    return { paymentId, orderId: order.id, status: payment.status, orderStatus: order.status };
  }

  /**
   * A provider's asynchronous notification: its adapter checks the signature on the raw bytes (a forged,
   * replayed-from-elsewhere or foreign one is refused, logged and audited), then the report is applied once.
   */
  async notify(channel: PaymentChannel, notification: PaymentNotification): Promise<{ status: number; body: string }> {
    const provider = this.provider(channel);
    let verified: Awaited<ReturnType<PaymentProvider["verifyNotification"]>>;
    try {
      verified = await provider.verifyNotification(notification);
    } catch (error) {
      await this.refused(channel, error instanceof AppError ? error.code : "INTERNAL_ERROR", null);
      throw error;
    }
    await this.apply(channel, verified.report, "notification");
    return verified.reply;
  }

  /**
   * Applies what a provider reports about one payment, under its order's lock and its own. Paid: the payment is
   * paid (once, however many copies arrive); its order is paid if it still waits, else the money goes back by
   * itself. A report for no payment of ours, or of another amount, is refused and audited.
   */
  async apply(channel: PaymentChannel, report: PaymentReport, source: "notification" | "query"): Promise<void> {
    const { database, clock, settlement, refunds } = this.deps;
    const refused = await database.transaction(async (trx): Promise<Refusal | null> => {
      const named = await findPaymentByOutTradeNo(trx, report.outTradeNo);
      if (!named || named.channel !== channel) return { code: "PAYMENT_NOTIFICATION_UNKNOWN_TRADE", payment: null };
      // The order's lock before the payment's, in the order cancelling, expiring and refunding take them.
      const order = await settlement.lock(trx, named.order_id);
      const payment = await lockPayment(trx, named.id, database.kind);
      if (!payment) return { code: "PAYMENT_NOTIFICATION_UNKNOWN_TRADE", payment: null };
      const now = clock.now();
      if (report.state === "paid" && report.amountFen !== payment.amount_fen) {
        return { code: "PAYMENT_NOTIFICATION_AMOUNT_MISMATCH", payment };
      }
      if (report.state === "closed" && payment.status === "created") {
        await transition(trx, paymentMachine, {
          id: payment.id,
          from: "created",
          to: "closed",
          set: { updated_at: now.toISOString() },
          audit: { actor: systemActor, action: "payment.closed", data: { orderId: payment.order_id, source } },
          at: now,
        });
        return null;
      }
      if (report.state !== "paid" || (payment.status !== "created" && payment.status !== "closed")) return null;
      const iso = now.toISOString();
      await transition(trx, paymentMachine, {
        id: payment.id,
        from: payment.status,
        to: "paid",
        set: {
          provider_trade_no: report.providerTradeNo,
          paid_at: (report.paidAt ?? now).toISOString(),
          last_notification: source === "notification" ? iso : payment.last_notification,
          updated_at: iso,
        },
        audit: {
          actor: systemActor,
          action: "payment.paid",
          data: { orderId: payment.order_id, amountFen: payment.amount_fen, source },
        },
        at: now,
      });
      if (order.status === "pending_payment") {
        await settlement.markPaid(trx, order, payment, systemActor, now);
        // The order's other open cashiers close here and, after commit, at their providers.
        for (const other of await listPaymentsOfOrder(trx, order.id)) {
          if (other.id === payment.id || other.status !== "created") continue;
          const job = await this.closeInside(trx, other, now);
          await enqueueJob(trx, job.kind, job.payload, { dedupeKey: job.dedupeKey, now });
        }
      } else {
        await refunds.refundAutomatically(trx, payment, lateReason(order.status), now);
      }
      return null;
    });
    if (refused) {
      const { code, payment } = refused;
      if (payment) {
        this.deps.logger.warn(
          { paymentId: payment.id, expected: payment.amount_fen, reported: report.amountFen },
          "payment notification amount differs from the payment",
        );
      }
      await this.refused(channel, code, payment?.id ?? null, report.outTradeNo);
      throw new AppError(code);
    }
  }

  /** A notification (or query answer) not taken: logged and audited, so the operator sees forged or odd ones. */
  private async refused(channel: PaymentChannel, code: string, paymentId: string | null, outTradeNo?: string) {
    this.deps.logger.warn({ channel, code, paymentId, outTradeNo }, "payment notification refused");
    await this.deps.database.transaction((trx) =>
      recordAudit(
        trx,
        systemActor,
        "payment.notification_refused",
        { kind: "payment", id: paymentId },
        { channel, code, ...(outTradeNo ? { outTradeNo } : {}) },
        this.deps.clock.now(),
      ),
    );
  }

  /**
   * When no notification comes: asks the provider about unpaid payments of orders still waiting, oldest first,
   * each at most once a minute (the sweeper runs this in every process; applying is idempotent).
   */
  async queryUnsettled(limit = 20): Promise<number> {
    const { database, clock, logger } = this.deps;
    const now = clock.now();
    const due = await listPaymentsToQuery(database.db, {
      createdBefore: new Date(now.getTime() - 20_000).toISOString(),
      notQueriedSince: new Date(now.getTime() - 60_000).toISOString(),
      limit,
    });
    let settled = 0;
    for (const payment of due) {
      await setQueriedAt(database.db, payment.id, now.toISOString());
      const provider = this.deps.providers[payment.channel];
      if (!provider) continue;
      try {
        const report = await provider.query(payment.out_trade_no);
        if (report && report.state !== "pending") {
          await this.apply(payment.channel, report, "query");
          settled += 1;
        }
      } catch (error) {
        logger.warn({ err: error, paymentId: payment.id }, "payment query failed");
      }
    }
    return settled;
  }

  /** An order cancelled or expired: its open payments close here and at their providers (after commit). */
  async onOrderClosed(trx: DbOrTx, orderId: string, at: Date): Promise<JobRequest[]> {
    const jobs: JobRequest[] = [];
    for (const payment of await listPaymentsOfOrder(trx, orderId)) {
      if (payment.status === "created") jobs.push(await this.closeInside(trx, payment, at));
    }
    return jobs;
  }

  /** The `payments.close` job: the provider closes the payment; if the payer was faster, the money is applied. */
  readonly closeJob = async ({ paymentId }: { paymentId: string }): Promise<void> => {
    const payment = await findPayment(this.deps.database.db, paymentId);
    const provider = payment && this.deps.providers[payment.channel];
    if (!payment || !provider) return;
    const report = await provider.query(payment.out_trade_no);
    if (report?.state === "paid") return this.apply(payment.channel, report, "query");
    if (report?.state === "pending") await provider.close(payment.out_trade_no);
  };

  private async closeInside(trx: DbOrTx, payment: PaymentRow, at: Date): Promise<JobRequest> {
    await transition(trx, paymentMachine, {
      id: payment.id,
      from: "created",
      to: "closed",
      set: { updated_at: at.toISOString() },
      audit: { actor: systemActor, action: "payment.closed", data: { orderId: payment.order_id, source: "order" } },
      at,
    });
    return { kind: "payments.close", payload: { paymentId: payment.id }, dedupeKey: `payments.close:${payment.id}` };
  }

  private provider(channel: PaymentChannel): PaymentProvider {
    const provider = this.deps.providers[channel];
    if (!provider) throw new AppError("PAYMENT_CHANNEL_UNAVAILABLE");
    return provider;
  }
}

/** Why a verified report was not taken, and the payment it named when there is one. */
interface Refusal {
  code: Extract<ErrorCode, "PAYMENT_NOTIFICATION_UNKNOWN_TRADE" | "PAYMENT_NOTIFICATION_AMOUNT_MISMATCH">;
  payment: PaymentRow | null;
}

function startOf(payment: PaymentRow): PaymentStart {
  return {
    paymentId: payment.id,
    outTradeNo: payment.out_trade_no,
    amountFen: payment.amount_fen,
    ...(payment.pay_url ? { payUrl: payment.pay_url } : {}),
    ...(payment.code_url ? { codeUrl: payment.code_url } : {}),
  };
}

function lateReason(orderStatus: string): string {
  if (orderStatus === "expired") return "订单已过期后到账，自动退款";
  if (orderStatus === "cancelled") return "订单已取消后到账，自动退款";
  return "订单已由其他支付完成，重复支付自动退款";
}
