import { Decorator } from "wechatpay-axios-plugin";
import { AppError } from "../../../shared/app-error";
import { type Clock, systemClock } from "../../../shared/clock";
import type {
  CreatePaymentInput,
  PaymentNotification,
  PaymentProvider,
  PaymentReport,
  PaymentStart,
  RefundInput,
} from "../payment-provider";
import type { WechatPayMerchant, WechatPayVerifiers } from "./wechat-pay-keys";
import { decryptNotificationResource, verifyWechatPaySignature } from "./wechat-pay-notification";
import { chinaTime, reportOfTransaction } from "./wechat-pay-transaction";

export const WECHATPAY_BASE_URL = "https://api.mch.weixin.qq.com";
const DEFAULT_TIMEOUT_MS = 10_000;
/** WeChat Pay's limit on `description` (商品描述). */
const MAX_DESCRIPTION_CHARS = 127;

export interface WechatPayProviderOptions {
  merchant: WechatPayMerchant;
  verifiers: WechatPayVerifiers;
  /** `WECHATPAY_BASE_URL` in production; the sandbox gateway (…/sandbox/wechatpay) otherwise. */
  baseUrl: string;
  /** Where WeChat Pay posts the payment notification (the fixed `/api/v1/payments/wechat/notify`). */
  notifyUrl: string;
  clock?: Clock;
  timeoutMs?: number;
}

type HttpClient = InstanceType<typeof Decorator>["v3"];

interface WechatPayErrorAnswer {
  status: number;
  code: string | undefined;
  message: string | undefined;
}

/**
 * WeChat Pay API v3, Native pay (扫码支付). Requests are signed and responses verified by
 * wechatpay-axios-plugin (both the platform-certificate and the `PUB_KEY_ID_` public-key modes: its `certs`
 * map is keyed by the serial WeChat Pay names); notifications are verified here on their raw bytes.
 */
export class WechatPayPaymentProvider implements PaymentProvider {
  readonly channel = "wechat" as const;
  private readonly http: HttpClient;
  private readonly clock: Clock;

  constructor(private readonly options: WechatPayProviderOptions) {
    const { merchant } = options;
    this.clock = options.clock ?? systemClock;
    this.http = new Decorator({
      mchid: merchant.mchId,
      serial: merchant.mchSerialNo,
      // Its typings take PEM only (the code also takes a KeyObject).
      privateKey: merchant.mchPrivateKey.export({ type: "pkcs8", format: "pem" }),
      certs: Object.fromEntries(options.verifiers),
      // The SDK signs the path it sends, so a base URL with a path (the sandbox's) must end in "/".
      baseURL: `${options.baseUrl.replace(/\/+$/, "")}/`,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    }).v3;
  }

  async create(input: CreatePaymentInput): Promise<PaymentStart> {
    const { merchant } = this.options;
    const data = await this.send<{ code_url?: unknown }>("POST", "v3/pay/transactions/native", {
      appid: merchant.appId,
      mchid: merchant.mchId,
      description: [...input.subject].slice(0, MAX_DESCRIPTION_CHARS).join(""),
      out_trade_no: input.outTradeNo,
      time_expire: chinaTime(input.expiresAt),
      notify_url: this.options.notifyUrl,
      amount: { total: input.amountFen, currency: "CNY" },
    });
    if (typeof data.code_url !== "string" || !data.code_url) {
      throw new AppError("WECHATPAY_REQUEST_FAILED", undefined, { reason: "no code_url" });
    }
    return { kind: "qr_code", codeUrl: data.code_url };
  }

  async verifyNotification(
    notification: PaymentNotification,
  ): Promise<{ report: PaymentReport; reply: { status: number; body: string } }> {
    verifyWechatPaySignature(notification, this.options.verifiers, this.clock.now());
    const transaction = decryptNotificationResource(notification.rawBody, this.options.merchant.apiV3Key);
    // WeChat Pay takes 200 or 204 as "received"; 204 needs no body.
    return { report: reportOfTransaction(transaction, this.options.merchant), reply: { status: 204, body: "" } };
  }

  async query(outTradeNo: string): Promise<PaymentReport | null> {
    try {
      const data = await this.send<unknown>(
        "GET",
        `v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`,
        undefined,
        { mchid: this.options.merchant.mchId },
      );
      return reportOfTransaction(data, this.options.merchant);
    } catch (error) {
      if (error instanceof WechatPayAnswerError && error.answer.code === "ORDER_NOT_EXIST") return null;
      throw error;
    }
  }

  async close(outTradeNo: string): Promise<void> {
    try {
      await this.send("POST", `v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
        mchid: this.options.merchant.mchId,
      });
    } catch (error) {
      if (!(error instanceof WechatPayAnswerError)) throw error;
      // Unknown to WeChat Pay or already closed: either way it can no longer be paid.
      if (error.answer.code === "ORDER_NOT_EXIST" || error.answer.code === "ORDER_CLOSED") return;
      if (error.answer.code === "ORDERPAID") throw new AppError("WECHATPAY_ORDER_PAID", undefined, { outTradeNo });
      throw error;
    }
  }

  async refund(input: RefundInput): Promise<{ state: "processing" | "succeeded" | "failed" }> {
    let data: { status?: unknown };
    try {
      data = await this.send<{ status?: unknown }>("POST", "v3/refund/domestic/refunds", {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        reason: input.reason,
        amount: { refund: input.refundFen, total: input.totalFen, currency: "CNY" },
      });
    } catch (error) {
      // A refusal of this refund itself (amount, trade state, 余额不足) is its answer; outages are retried.
      if (error instanceof WechatPayAnswerError && isDefinitiveRefusal(error.answer)) return { state: "failed" };
      throw error;
    }
    switch (data.status) {
      case "SUCCESS":
        return { state: "succeeded" };
      case "PROCESSING":
        return { state: "processing" };
      case "CLOSED":
      case "ABNORMAL":
        return { state: "failed" };
      default:
        throw new AppError("WECHATPAY_REQUEST_FAILED", undefined, { reason: "unknown refund status" });
    }
  }

  /**
   * One signed call, its answer verified by the SDK. Answers that are not 2xx become a WechatPayAnswerError
   * with WeChat Pay's code; anything else (network, unverified answer) an AppError without the SDK's request
   * config, which holds the merchant key.
   */
  private async send<T>(
    method: "GET" | "POST",
    url: string,
    data?: object,
    params?: Record<string, string>,
  ): Promise<T> {
    try {
      const response = await this.http.request({ method, url, data, params });
      return response.data as T;
    } catch (error) {
      throw translateFailure(error);
    }
  }
}

/** WeChat Pay's codes that say "try again" rather than "no": a busy system, a rate limit. */
const RETRYABLE_CODES = new Set(["SYSTEM_ERROR", "FREQUENCY_LIMITED"]);

function isDefinitiveRefusal(answer: WechatPayErrorAnswer): boolean {
  return (
    answer.status >= 400 && answer.status < 500 && answer.status !== 429 && !RETRYABLE_CODES.has(answer.code ?? "")
  );
}

/** A non-2xx answer from WeChat Pay (`{ code, message }`), for the callers that act on particular codes. */
export class WechatPayAnswerError extends AppError {
  constructor(readonly answer: WechatPayErrorAnswer) {
    super("WECHATPAY_REQUEST_FAILED", undefined, answer);
  }
}

/** The SDK's names for a response that failed its signature checks (lib/decorator.js). */
const UNVERIFIED_RESPONSE = /^EV3_RES_/;

function translateFailure(error: unknown): AppError {
  const failure = error as { code?: unknown; response?: { status?: unknown; data?: unknown } } | null;
  if (typeof failure?.code === "string" && UNVERIFIED_RESPONSE.test(failure.code)) {
    return new AppError("WECHATPAY_RESPONSE_UNVERIFIED", undefined, { reason: failure.code });
  }
  const status = failure?.response?.status;
  if (typeof status === "number") {
    const body = (failure?.response?.data ?? {}) as { code?: unknown; message?: unknown };
    return new WechatPayAnswerError({
      status,
      code: typeof body.code === "string" ? body.code : undefined,
      message: typeof body.message === "string" ? body.message : undefined,
    });
  }
  return new AppError("WECHATPAY_REQUEST_FAILED", undefined, {
    reason: typeof failure?.code === "string" ? failure.code : "network",
  });
}
