import { AlipaySdk, type AlipaySdkCommonResult } from "alipay-sdk";
import { AppError } from "../../../shared/app-error";
import type {
  CreatePaymentInput,
  PaymentNotification,
  PaymentProvider,
  PaymentReport,
  PaymentStart,
  RefundInput,
} from "../payment-provider";
import { alipayAmount, alipayTime, parseAlipayAmount, parseAlipayForm, parseAlipayTime } from "./alipay-protocol";

/** Our notification route, the one registered with Alipay (appended to PUBLIC_ORIGIN). */
export const ALIPAY_NOTIFY_PATH = "/api/v1/payments/alipay/notify";
const DEFAULT_TIMEOUT_MS = 10_000;
const SUCCESS = "10000";

export interface AlipayPaymentProviderOptions {
  appId: string;
  /** The merchant's 支付宝账号 PID (2088…): a notification for another seller is refused. */
  sellerId: string;
  /** The application private key (PKCS8 PEM) that signs our requests. */
  appPrivateKeyPem: string;
  /** The **Alipay** public key (not the application's) that checks notifications and answers. */
  alipayPublicKeyPem: string;
  /** ALIPAY_GATEWAY in production; the sandbox's /sandbox/alipay/gateway.do otherwise. */
  gateway: string;
  /** Our fixed notification route, `${publicOrigin}/api/v1/payments/alipay/notify`. */
  notifyUrl: string;
  timeoutMs?: number;
}

/** The raw (snake_case) answer of one gateway method, as the SDK returns it with `camelcase: false`. */
type GatewayAnswer = AlipaySdkCommonResult & Record<string, string | undefined>;

/** Business refusals of a refund: final, retrying with the same out_request_no cannot change them. */
const REFUND_REFUSALS = new Set([
  "ACQ.TRADE_NOT_EXIST",
  "ACQ.TRADE_STATUS_ERROR",
  "ACQ.TRADE_HAS_CLOSE",
  "ACQ.TRADE_HAS_FINISHED",
  "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
  "ACQ.DISCORDANT_REPEAT_REQUEST",
  "ACQ.REASON_TRADE_REFUND_FEE_ERR",
]);

/**
 * Alipay 电脑网站支付 through `alipay-sdk`: page pay (alipay.trade.page.pay), the asynchronous notification
 * checked with the Alipay public key, and query / close / refund, each answer's signature checked by the SDK.
 */
export class AlipayPaymentProvider implements PaymentProvider {
  readonly channel = "alipay";
  private readonly sdk: AlipaySdk;

  constructor(private readonly options: AlipayPaymentProviderOptions) {
    // Trimmed: the SDK re-wraps a key line by line and would keep an END line followed by a final newline.
    this.sdk = new AlipaySdk({
      appId: options.appId,
      privateKey: options.appPrivateKeyPem.trim(),
      keyType: "PKCS8",
      signType: "RSA2",
      alipayPublicKey: options.alipayPublicKeyPem.trim(),
      gateway: options.gateway,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      camelcase: false,
    });
  }

  async create(input: CreatePaymentInput): Promise<PaymentStart> {
    const payUrl = this.sdk.pageExec("alipay.trade.page.pay", "GET", {
      notifyUrl: this.options.notifyUrl,
      ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
      bizContent: {
        out_trade_no: input.outTradeNo,
        total_amount: alipayAmount(input.amountFen),
        subject: input.subject,
        product_code: "FAST_INSTANT_TRADE_PAY",
        time_expire: alipayTime(input.expiresAt),
      },
    });
    return { kind: "redirect", payUrl };
  }

  async verifyNotification(
    notification: PaymentNotification,
  ): Promise<{ report: PaymentReport; reply: { status: number; body: string } }> {
    const params = parseAlipayForm(Buffer.from(notification.rawBody).toString("utf8"));
    if (!params?.sign) throw new AppError("ALIPAY_NOTIFICATION_MALFORMED");
    // V2: the values are checked as decoded from the form, not decoded a second time.
    if (!this.sdk.checkNotifySignV2(params)) throw new AppError("ALIPAY_SIGNATURE_INVALID");
    if (params.app_id !== this.options.appId || params.seller_id !== this.options.sellerId) {
      throw new AppError("ALIPAY_FOREIGN_MERCHANT", undefined, {
        appId: params.app_id,
        sellerId: params.seller_id,
      });
    }
    const report = tradeReport(params, params.gmt_payment);
    if (!report) throw new AppError("ALIPAY_NOTIFICATION_MALFORMED");
    const refundedFen = parseAlipayAmount(params.refund_fee);
    if (refundedFen !== null) report.refundedFen = refundedFen;
    return { report, reply: { status: 200, body: "success" } };
  }

  async query(outTradeNo: string): Promise<PaymentReport | null> {
    const answer = await this.call("alipay.trade.query", { out_trade_no: outTradeNo });
    if (answer.sub_code === "ACQ.TRADE_NOT_EXIST") return null;
    if (answer.code !== SUCCESS) throw gatewayFailure("alipay.trade.query", answer);
    const report = tradeReport(answer, answer.send_pay_date);
    if (!report) throw gatewayFailure("alipay.trade.query", answer);
    return report;
  }

  /**
   * A trade Alipay does not know (the payer never opened the cashier) has nothing to close: Alipay still
   * accepts payment on that page until time_expire, which is why a late payment is refunded by the domain.
   */
  async close(outTradeNo: string): Promise<void> {
    const answer = await this.call("alipay.trade.close", { out_trade_no: outTradeNo });
    if (answer.code === SUCCESS || answer.sub_code === "ACQ.TRADE_NOT_EXIST") return;
    if (answer.sub_code === "ACQ.TRADE_STATUS_ERROR") throw new AppError("ALIPAY_TRADE_PAID");
    throw gatewayFailure("alipay.trade.close", answer);
  }

  async refund(input: RefundInput): Promise<{ state: "processing" | "succeeded" | "failed" }> {
    const answer = await this.call("alipay.trade.refund", {
      out_trade_no: input.outTradeNo,
      refund_amount: alipayAmount(input.refundFen),
      out_request_no: input.outRefundNo,
      refund_reason: input.reason,
    });
    if (answer.code !== SUCCESS) {
      if (answer.sub_code && REFUND_REFUSALS.has(answer.sub_code)) return { state: "failed" };
      throw gatewayFailure("alipay.trade.refund", answer);
    }
    if (answer.fund_change === "Y") return { state: "succeeded" };
    // "N": no money moved by this call (a repeated out_request_no, or still processing): the refund query says.
    const refund = await this.call("alipay.trade.fastpay.refund.query", {
      out_trade_no: input.outTradeNo,
      out_request_no: input.outRefundNo,
    });
    if (refund.code !== SUCCESS) throw gatewayFailure("alipay.trade.fastpay.refund.query", refund);
    return { state: refund.refund_status === "REFUND_SUCCESS" ? "succeeded" : "processing" };
  }

  /** One gateway method; the SDK signs the request and checks the answer's signature with the Alipay key. */
  private async call(method: string, bizContent: Record<string, string>): Promise<GatewayAnswer> {
    try {
      return (await this.sdk.exec(method, { bizContent }, { validateSign: true })) as GatewayAnswer;
    } catch (error) {
      throw new AppError("ALIPAY_REQUEST_FAILED", undefined, {
        method,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

const STATES: Record<string, PaymentReport["state"]> = {
  WAIT_BUYER_PAY: "pending",
  TRADE_SUCCESS: "paid",
  TRADE_FINISHED: "paid",
  TRADE_CLOSED: "closed",
};

/** A notification's or a query's trade fields; null when one is missing or not what Alipay writes. */
function tradeReport(fields: Record<string, string | undefined>, paidAtText: string | undefined): PaymentReport | null {
  const state = fields.trade_status ? STATES[fields.trade_status] : undefined;
  const amountFen = parseAlipayAmount(fields.total_amount);
  if (!state || amountFen === null || !fields.out_trade_no) return null;
  return {
    outTradeNo: fields.out_trade_no,
    providerTradeNo: fields.trade_no || null,
    state,
    amountFen,
    paidAt: state === "paid" ? parseAlipayTime(paidAtText) : null,
  };
}

function gatewayFailure(method: string, answer: GatewayAnswer): AppError {
  return new AppError("ALIPAY_REQUEST_FAILED", undefined, {
    method,
    code: answer.code,
    subCode: answer.sub_code,
    subMsg: answer.sub_msg,
  });
}
