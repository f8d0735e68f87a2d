import { randomBytes, randomInt } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import {
  alipayAmount,
  alipayTime,
  parseAlipayAmount,
  parseAlipayForm,
  parseAlipayTime,
} from "../alipay/alipay-protocol";
import type { PaymentNotification } from "../payment-provider";
import { renderAlipayCashier, renderAlipayError, renderAlipayPaid } from "./alipay-cashier-page";
import type { AlipaySandboxKeys } from "./alipay-sandbox-keys";
import {
  alipayNotificationBody,
  signAlipayNotification,
  signedAlipayResponse,
  verifyAlipayRequest,
} from "./alipay-signature";

export const ALIPAY_SANDBOX_PREFIX = "/sandbox/alipay";
export const ALIPAY_SANDBOX_GATEWAY_PATH = `${ALIPAY_SANDBOX_PREFIX}/gateway.do`;
const PAY_PATH = `${ALIPAY_SANDBOX_PREFIX}/cashier/pay`;

/** How the sandbox POSTs a notification; tests of an app without a port hand in `app.inject`. */
export type NotificationTransport = (
  url: string,
  request: { headers: Record<string, string>; body: string },
) => Promise<{ status: number; body: string }>;

export interface NotificationDelivery {
  /** Alipay counts a delivery done only on the exact answer `success`. */
  accepted: boolean;
  status: number | null;
  body: string;
}

export interface AlipaySandboxOptions {
  appId: string;
  sellerId: string;
  keys: Pick<AlipaySandboxKeys, "appPublicKeyPem" | "alipayPrivateKeyPem">;
  sellerName?: string;
  /** Off: paying sends no notification (the server must find the payment by querying). Default on. */
  autoNotify?: boolean;
  /** Waits before each new attempt while the merchant does not answer `success` (Alipay: 4 m, 10 m, … 25 h). */
  notifyRetryDelaysMs?: readonly number[];
  deliver?: NotificationTransport;
  now?: () => Date;
}

type TradeStatus = "WAIT_BUYER_PAY" | "TRADE_SUCCESS" | "TRADE_CLOSED";

export interface AlipaySandboxTrade {
  outTradeNo: string;
  tradeNo: string;
  subject: string;
  totalFen: number;
  status: TradeStatus;
  notifyUrl: string | null;
  returnUrl: string | null;
  timeExpire: Date | null;
  createdAt: Date;
  paidAt: Date | null;
  closedAt: Date | null;
  refunds: Map<string, { fen: number; at: Date }>;
}

const BUYER_ID = "2088000000000002";
const BUYER_LOGON_ID = "buy***@example.com";
const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 60_000];
const NOTIFY_TIMEOUT_MS = 5_000;

type Answer = Record<string, string>;
const ok = (fields: Answer): Answer => ({ code: "10000", msg: "Success", ...fields });
const businessFailure = (subCode: string, subMsg: string): Answer => ({
  code: "40004",
  msg: "Business Failed",
  sub_code: subCode,
  sub_msg: subMsg,
});
const invalidArguments = (subCode: string, subMsg: string): Answer => ({
  code: "40002",
  msg: "Invalid Arguments",
  sub_code: subCode,
  sub_msg: subMsg,
});

const fetchTransport: NotificationTransport = async (url, request) => {
  const response = await fetch(url, {
    method: "POST",
    headers: request.headers,
    body: request.body,
    redirect: "manual",
    signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text() };
};

/**
 * Alipay's open platform gateway for one demo merchant, on the real protocol: requests signed RSA2 with the
 * application key are verified with its public key; page pay shows the 模拟收银台; query, close, refund and
 * refund query answer signed `*_response` JSON; paying POSTs the signed notification to notify_url (retried,
 * bounded, until the answer is `success`) and returns the payer to return_url with signed parameters.
 * Trades live in memory: a restart forgets them (the server then sees ACQ.TRADE_NOT_EXIST).
 */
export class AlipaySandbox {
  autoNotify: boolean;
  deliver: NotificationTransport;
  private readonly trades = new Map<string, AlipaySandboxTrade>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly now: () => Date;

  constructor(private readonly options: AlipaySandboxOptions) {
    this.autoNotify = options.autoNotify ?? true;
    this.deliver = options.deliver ?? fetchTransport;
    this.now = options.now ?? (() => new Date());
  }

  /** The gateway's routes (under /sandbox/alipay), for the server or a test's own Fastify instance. */
  readonly routes = async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, text, done) =>
      done(null, text),
    );
    app.addHook("onClose", async () => this.stop());
    app.get(ALIPAY_SANDBOX_GATEWAY_PATH, async (request, reply) => this.gateway(queryParams(request.url), reply));
    app.post(ALIPAY_SANDBOX_GATEWAY_PATH, async (request, reply) => {
      const form = parseAlipayForm(typeof request.body === "string" ? request.body : "");
      if (!form) return reply.status(400).type("text/plain").send("duplicate parameter");
      return this.gateway({ ...form, ...queryParams(request.url) }, reply);
    });
    app.post(PAY_PATH, async (request, reply) => {
      const form = parseAlipayForm(typeof request.body === "string" ? request.body : "");
      return this.pay(form?.out_trade_no ?? "", reply);
    });
  };

  trade(outTradeNo: string): Readonly<AlipaySandboxTrade> | undefined {
    const trade = this.trades.get(outTradeNo);
    if (trade) this.expire(trade);
    return trade;
  }

  /**
   * The notification Alipay would send now for a trade, signed with the sandbox's Alipay key; `overrides`
   * change fields before signing (a foreign app_id, a TRADE_CLOSED status…).
   */
  notificationFor(outTradeNo: string, overrides: Answer = {}): PaymentNotification & { params: Answer } {
    const trade = this.trades.get(outTradeNo);
    if (!trade) throw new Error(`sandbox has no trade ${outTradeNo}`);
    this.expire(trade);
    const params = signAlipayNotification(
      { ...this.notificationFields(trade), ...overrides },
      this.keys.alipayPrivateKeyPem,
    );
    return {
      params,
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      rawBody: Buffer.from(alipayNotificationBody(params)),
    };
  }

  /** Sends (or replays) a notification for a trade to its notify_url once, without retries. */
  async sendNotification(outTradeNo: string, overrides: Answer = {}): Promise<NotificationDelivery> {
    const trade = this.trades.get(outTradeNo);
    if (!trade?.notifyUrl) throw new Error(`sandbox trade ${outTradeNo} has no notify_url`);
    return this.attempt(trade.notifyUrl, this.notificationFor(outTradeNo, overrides).rawBody);
  }

  /** Cancels pending retries (the server is stopping). */
  stop(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
  }

  private get keys() {
    return this.options.keys;
  }

  private async gateway(params: Answer, reply: FastifyReply) {
    const method = params.method ?? "";
    if (method === "alipay.trade.page.pay") return this.pagePay(params, reply);
    const responseKey = apiMethods.has(method) ? `${method.replaceAll(".", "_")}_response` : "error_response";
    const answer = this.api(method, params);
    return reply
      .type("application/json; charset=utf-8")
      .send(signedAlipayResponse(responseKey, answer, this.keys.alipayPrivateKeyPem));
  }

  /** The checks Alipay makes on every request before reading its business content. */
  private refusal(params: Answer): string | null {
    if (params.app_id !== this.options.appId) return "isv.invalid-app-id";
    if (!verifyAlipayRequest(params, this.keys.appPublicKeyPem)) return "isv.invalid-signature";
    if (params.charset && params.charset.toLowerCase() !== "utf-8") return "isv.invalid-charset";
    return null;
  }

  private api(method: string, params: Answer): Answer {
    if (!apiMethods.has(method)) return invalidArguments("isv.invalid-method", "不存在的方法名");
    const refusal = this.refusal(params);
    if (refusal) return invalidArguments(refusal, refusal === "isv.invalid-signature" ? "验签出错" : "参数无效");
    const biz = bizContent(params);
    if (!biz?.out_trade_no) return invalidArguments("isv.missing-biz-param", "缺少 out_trade_no");
    const trade = this.trades.get(biz.out_trade_no);
    if (trade) this.expire(trade);
    switch (method) {
      case "alipay.trade.query":
        return trade ? ok(this.queryFields(trade)) : businessFailure("ACQ.TRADE_NOT_EXIST", "交易不存在");
      case "alipay.trade.close":
        return this.close(trade);
      case "alipay.trade.refund":
        return this.refund(trade, biz);
      default:
        return this.refundQuery(trade, biz);
    }
  }

  private async pagePay(params: Answer, reply: FastifyReply) {
    const refuse = (detail: string) =>
      reply.status(400).type("text/html; charset=utf-8").send(renderAlipayError("支付请求无效", detail));
    const refusal = this.refusal(params);
    if (refusal) return refuse(`请求未通过校验（${refusal}）`);
    const biz = bizContent(params);
    const totalFen = parseAlipayAmount(biz?.total_amount);
    if (!biz?.out_trade_no || !biz.subject || totalFen === null || totalFen <= 0) {
      return refuse("缺少订单号、商品名称或金额");
    }
    if (biz.product_code !== "FAST_INSTANT_TRADE_PAY") return refuse("product_code 必须为 FAST_INSTANT_TRADE_PAY");
    const timeExpire = biz.time_expire ? parseAlipayTime(biz.time_expire) : null;
    if (biz.time_expire && !timeExpire) return refuse("time_expire 格式不正确");
    const now = this.now();
    let trade = this.trades.get(biz.out_trade_no);
    if (trade) {
      this.expire(trade);
      if (trade.totalFen !== totalFen || trade.subject !== biz.subject) return refuse("订单信息与已创建的交易不一致");
    } else {
      if (timeExpire && timeExpire <= now) return refuse("订单已超过支付时限");
      // The trade exists from the moment the payer is on the cashier, as when a buyer logs in on Alipay's.
      trade = {
        outTradeNo: biz.out_trade_no,
        tradeNo: newTradeNo(now),
        subject: biz.subject,
        totalFen,
        status: "WAIT_BUYER_PAY",
        notifyUrl: params.notify_url || null,
        returnUrl: params.return_url || null,
        timeExpire,
        createdAt: now,
        paidAt: null,
        closedAt: null,
        refunds: new Map(),
      };
      this.trades.set(trade.outTradeNo, trade);
    }
    if (trade.status === "TRADE_CLOSED") return refuse("交易已关闭");
    const html =
      trade.status === "TRADE_SUCCESS"
        ? renderAlipayPaid(this.cashierView(trade))
        : renderAlipayCashier(this.cashierView(trade), PAY_PATH);
    return reply.type("text/html; charset=utf-8").send(html);
  }

  private async pay(outTradeNo: string, reply: FastifyReply) {
    const trade = this.trades.get(outTradeNo);
    if (!trade)
      return reply.status(404).type("text/html; charset=utf-8").send(renderAlipayError("无法支付", "交易不存在"));
    this.expire(trade);
    if (trade.status === "TRADE_CLOSED") {
      return reply.status(409).type("text/html; charset=utf-8").send(renderAlipayError("无法支付", "交易已关闭"));
    }
    // A second confirmation (back button, double click) finds the trade paid: no second payment, no second notice.
    if (trade.status === "WAIT_BUYER_PAY") {
      trade.status = "TRADE_SUCCESS";
      trade.paidAt = this.now();
      if (this.autoNotify && trade.notifyUrl) await this.notifyWithRetries(trade.notifyUrl, trade.outTradeNo);
    }
    if (!trade.returnUrl) return reply.type("text/html; charset=utf-8").send(renderAlipayPaid(this.cashierView(trade)));
    return reply.redirect(this.returnLocation(trade), 303);
  }

  /** The first attempt is awaited, so the payer comes back to a paid order; retries continue in the background. */
  private async notifyWithRetries(notifyUrl: string, outTradeNo: string): Promise<void> {
    const body = this.notificationFor(outTradeNo).rawBody;
    const delays = this.options.notifyRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const tryAt = async (attempt: number): Promise<void> => {
      const delivery = await this.attempt(notifyUrl, body);
      const delay = delays[attempt];
      if (delivery.accepted || delay === undefined) return;
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        void tryAt(attempt + 1);
      }, delay);
      timer.unref();
      this.retryTimers.add(timer);
    };
    await tryAt(0);
  }

  private async attempt(url: string, rawBody: Uint8Array): Promise<NotificationDelivery> {
    try {
      const answer = await this.deliver(url, {
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: Buffer.from(rawBody).toString("utf8"),
      });
      return { accepted: answer.status === 200 && answer.body.trim() === "success", ...answer };
    } catch (error) {
      return { accepted: false, status: null, body: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Unpaid past time_expire: Alipay closes the trade by itself. */
  private expire(trade: AlipaySandboxTrade): void {
    if (trade.status === "WAIT_BUYER_PAY" && trade.timeExpire && this.now() >= trade.timeExpire) {
      trade.status = "TRADE_CLOSED";
      trade.closedAt = trade.timeExpire;
    }
  }

  private close(trade: AlipaySandboxTrade | undefined): Answer {
    if (!trade) return businessFailure("ACQ.TRADE_NOT_EXIST", "交易不存在");
    if (trade.status === "TRADE_SUCCESS") return businessFailure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
    if (trade.status === "WAIT_BUYER_PAY") {
      trade.status = "TRADE_CLOSED";
      trade.closedAt = this.now();
    }
    return ok({ trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo });
  }

  private refund(trade: AlipaySandboxTrade | undefined, biz: Answer): Answer {
    if (!trade) return businessFailure("ACQ.TRADE_NOT_EXIST", "交易不存在");
    const fen = parseAlipayAmount(biz.refund_amount);
    if (fen === null || fen <= 0) return invalidArguments("isv.invalid-parameter", "refund_amount 无效");
    // Without out_request_no Alipay treats the request as a whole refund of the trade.
    const requestNo = biz.out_request_no || trade.outTradeNo;
    const earlier = trade.refunds.get(requestNo);
    if (earlier) {
      if (earlier.fen !== fen) return businessFailure("ACQ.DISCORDANT_REPEAT_REQUEST", "请求信息不一致");
      return ok({ ...this.refundFields(trade), fund_change: "N" });
    }
    if (trade.status !== "TRADE_SUCCESS") return businessFailure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
    if (refundedFen(trade) + fen > trade.totalFen) {
      return businessFailure("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
    }
    trade.refunds.set(requestNo, { fen, at: this.now() });
    // A trade refunded in full is closed, as on Alipay.
    if (refundedFen(trade) === trade.totalFen) {
      trade.status = "TRADE_CLOSED";
      trade.closedAt = this.now();
    }
    return ok({ ...this.refundFields(trade), fund_change: "Y", gmt_refund_pay: alipayTime(this.now()) });
  }

  private refundQuery(trade: AlipaySandboxTrade | undefined, biz: Answer): Answer {
    const requestNo = biz.out_request_no || biz.out_trade_no || "";
    const refund = trade?.refunds.get(requestNo);
    // Alipay answers 10000 without refund_status for a refund it does not know.
    if (!trade || !refund) return ok({ out_trade_no: biz.out_trade_no ?? "", out_request_no: requestNo });
    return ok({
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      out_request_no: requestNo,
      total_amount: alipayAmount(trade.totalFen),
      refund_amount: alipayAmount(refund.fen),
      refund_status: "REFUND_SUCCESS",
      gmt_refund_pay: alipayTime(refund.at),
    });
  }

  private queryFields(trade: AlipaySandboxTrade): Answer {
    const paid = trade.paidAt !== null;
    return {
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_logon_id: BUYER_LOGON_ID,
      buyer_user_id: BUYER_ID,
      trade_status: trade.status,
      total_amount: alipayAmount(trade.totalFen),
      ...(paid
        ? {
            buyer_pay_amount: alipayAmount(trade.totalFen),
            receipt_amount: alipayAmount(trade.totalFen),
            send_pay_date: alipayTime(trade.paidAt as Date),
          }
        : {}),
    };
  }

  private refundFields(trade: AlipaySandboxTrade): Answer {
    return {
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_logon_id: BUYER_LOGON_ID,
      buyer_user_id: BUYER_ID,
      refund_fee: alipayAmount(refundedFen(trade)),
    };
  }

  private notificationFields(trade: AlipaySandboxTrade): Answer {
    const amount = alipayAmount(trade.totalFen);
    const refunded = refundedFen(trade);
    const lastRefund = [...trade.refunds.values()].at(-1);
    return {
      notify_time: alipayTime(this.now()),
      notify_type: "trade_status_sync",
      notify_id: randomBytes(16).toString("hex"),
      charset: "utf-8",
      version: "1.0",
      app_id: this.options.appId,
      auth_app_id: this.options.appId,
      seller_id: this.options.sellerId,
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_id: BUYER_ID,
      buyer_logon_id: BUYER_LOGON_ID,
      trade_status: trade.status,
      total_amount: amount,
      subject: trade.subject,
      gmt_create: alipayTime(trade.createdAt),
      ...(trade.paidAt
        ? {
            gmt_payment: alipayTime(trade.paidAt),
            receipt_amount: amount,
            invoice_amount: amount,
            buyer_pay_amount: amount,
            point_amount: "0.00",
            fund_bill_list: JSON.stringify([{ amount, fundChannel: "ALIPAYACCOUNT" }]),
          }
        : {}),
      ...(trade.closedAt ? { gmt_close: alipayTime(trade.closedAt) } : {}),
      ...(lastRefund ? { refund_fee: alipayAmount(refunded), gmt_refund: alipayTime(lastRefund.at) } : {}),
    };
  }

  /** Alipay's synchronous return: the payer's browser brings these, signed like a notification. */
  private returnLocation(trade: AlipaySandboxTrade): string {
    const params = signAlipayNotification(
      {
        charset: "utf-8",
        method: "alipay.trade.page.pay.return",
        app_id: this.options.appId,
        auth_app_id: this.options.appId,
        seller_id: this.options.sellerId,
        out_trade_no: trade.outTradeNo,
        trade_no: trade.tradeNo,
        total_amount: alipayAmount(trade.totalFen),
        timestamp: alipayTime(this.now()),
        version: "1.0",
      },
      this.keys.alipayPrivateKeyPem,
    );
    const url = new URL(trade.returnUrl as string);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.toString();
  }

  private cashierView(trade: AlipaySandboxTrade) {
    return {
      outTradeNo: trade.outTradeNo,
      subject: trade.subject,
      totalFen: trade.totalFen,
      sellerName: this.options.sellerName ?? "辽宁 CA 互联互通服务平台（演示商户）",
    };
  }
}

const apiMethods = new Set([
  "alipay.trade.query",
  "alipay.trade.close",
  "alipay.trade.refund",
  "alipay.trade.fastpay.refund.query",
]);

function refundedFen(trade: AlipaySandboxTrade): number {
  return [...trade.refunds.values()].reduce((sum, refund) => sum + refund.fen, 0);
}

/** Query parameters decoded as a form (`+` is a space), which is how the SDK's page-pay URL encodes them. */
function queryParams(url: string): Answer {
  const query = url.indexOf("?");
  return query < 0 ? {} : (parseAlipayForm(url.slice(query + 1)) ?? {});
}

function bizContent(params: Answer): Answer | null {
  try {
    const parsed: unknown = JSON.parse(params.biz_content ?? "");
    if (!parsed || typeof parsed !== "object") return null;
    return Object.fromEntries(
      Object.entries(parsed).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)]),
    );
  } catch {
    return null;
  }
}

/** 28 digits like Alipay's: the date, then a random tail. */
function newTradeNo(now: Date): string {
  const day = alipayTime(now).slice(0, 10).replaceAll("-", "");
  const tail = Array.from({ length: 3 }, () => String(randomInt(0, 100_000)).padStart(5, "0")).join("");
  return `${day}22001${tail}`;
}

/** The gateway on its own Fastify instance on 127.0.0.1 and a free port: the tests' local Alipay. */
export async function startAlipaySandbox(
  options: AlipaySandboxOptions,
): Promise<{ sandbox: AlipaySandbox; origin: string; gateway: string; close(): Promise<void> }> {
  const sandbox = new AlipaySandbox(options);
  const app = Fastify();
  await app.register(sandbox.routes);
  const origin = await app.listen({ host: "127.0.0.1", port: 0 });
  return { sandbox, origin, gateway: `${origin}${ALIPAY_SANDBOX_GATEWAY_PATH}`, close: () => app.close() };
}
