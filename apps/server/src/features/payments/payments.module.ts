import type { PaymentChannel, PaymentProvider } from "../../adapters/payments/payment-provider";
import { everyInterval, type FeatureModule, type Runtime } from "../../app/feature-module";
import type { OrderSettlement } from "../renewals/order-settlement.service";
import type { RenewalOrderService } from "../renewals/renewal-orders.service";
import { PaymentLedger } from "./payment-ledger.service";
import { paymentsConsoleRoutes } from "./payments.console.routes";
import { paymentsRoutes } from "./payments.routes";
import { type InvoiceRequests, PaymentService } from "./payments.service";
import { type InvoiceCancellation, RefundService } from "./refunds.service";

export interface PaymentsServices {
  payments: PaymentService;
  refunds: RefundService;
  paymentLedger: PaymentLedger;
}

/** How often payments no notification settled are asked of their providers. */
const QUERY_SWEEP_MS = 15_000;

/** Payments of renewal orders through Alipay and WeChat Pay, their notifications, refunds, the console's ledger. */
export function paymentsModule(
  runtime: Runtime,
  deps: {
    providers: Partial<Record<PaymentChannel, PaymentProvider>>;
    orders: RenewalOrderService;
    settlement: OrderSettlement;
    invoices?: InvoiceRequests & InvoiceCancellation;
  },
): FeatureModule<PaymentsServices> {
  const { database, clock, logger, config } = runtime;
  const refunds = new RefundService({
    database,
    clock,
    logger,
    providers: deps.providers,
    settlement: deps.settlement,
    invoices: deps.invoices,
  });
  const payments = new PaymentService({
    database,
    clock,
    logger,
    providers: deps.providers,
    settlement: deps.settlement,
    refunds,
    invoices: deps.invoices,
    publicOrigin: config.publicOrigin,
  });
  deps.orders.onClosing(payments);
  const paymentLedger = new PaymentLedger(database);
  return {
    name: "payments",
    services: { payments, refunds, paymentLedger },
    routes: {
      portal: paymentsRoutes({ payments }),
      console: paymentsConsoleRoutes({ ledger: paymentLedger, refunds }),
    },
    jobs: { "payments.close": payments.closeJob, "payments.refund": refunds.refundJob },
    start: () => everyInterval(logger, "payment query", QUERY_SWEEP_MS, () => payments.queryUnsettled()),
  };
}
