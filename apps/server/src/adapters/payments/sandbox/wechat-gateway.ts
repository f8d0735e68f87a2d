import { createPublicKey, type KeyObject, randomBytes, randomInt, verify } from "node:crypto";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { chinaTime } from "../wechat/wechat-pay-transaction";
import type { WechatPayKeyMode, WechatPaySandboxKeys } from "./wechat-keys";
import {
  type SignedWechatPayNotification,
  signedHeaders,
  signWechatPayNotification,
  wechatPaySigner,
} from "./wechat-notification";
import { notFoundPage, paidPage, type ScanPageTrade, scanPage } from "./wechat-scan-page";

/** Where the server mounts the gateway in sandbox mode; the real API paths (/v3/…) continue below it. */
export const WECHATPAY_SANDBOX_PREFIX = "/sandbox/wechatpay";
const CODE_URL_PREFIX = "weixin://wxpay/bizpayurl?pr=";
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
/** A bounded version of WeChat Pay's retry schedule (it retries for about 24 hours). */
const DEFAULT_RETRY_DELAYS_MS = [0, 2_000, 5_000, 15_000, 30_000];
const DELIVERY_TIMEOUT_MS = 5_000;

export interface WechatPaySandboxOptions {
  keys: WechatPaySandboxKeys;
  /** How the sandbox signs its answers and notifications; the demo uses the public-key mode. */
  mode?: WechatPayKeyMode;
  /** Tests that drive notifications themselves turn the automatic one off and call notify(). */
  autoNotify?: boolean;
  /** The wait before each delivery attempt; WeChat Pay retries while the answer is not 2xx. */
  retryDelaysMs?: readonly number[];
  /**
   * The clock of trades (time_expire, success_time) and of notification timestamps, which the platform checks
   * against its own clock. Request and answer signatures use real time, as the SDK on the other side does.
   */
  now?: () => Date;
  merchantName?: string;
  onDeliveryFailed?: (outTradeNo: string, lastStatus: number | null) => void;
}

export interface SandboxTrade extends ScanPageTrade {
  notifyUrl: string;
  timeExpire: Date | null;
  transactionId: string | null;
  successTime: Date | null;
  refunds: Map<string, { refundId: string; refund: number; createTime: Date }>;
}

class Refusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

/**
 * WeChat Pay API v3 in miniature, speaking the real protocol: it checks our merchant signature with the
 * merchant public key, answers signed (platform certificate or `PUB_KEY_ID_` public key), and on the scan
 * page's 【确认支付】 posts the signed, encrypted TRANSACTION.SUCCESS notification to notify_url. The tests'
 * fake gateway and the demo's 模拟扫码支付 alike. Trades live in memory, as long as the process.
 */
export class WechatPaySandbox {
  readonly trades = new Map<string, SandboxTrade>();
  readonly plugin: FastifyPluginAsync;
  private readonly byPrId = new Map<string, SandboxTrade>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly merchantKey: KeyObject;
  private readonly now: () => Date;
  private readonly mode: WechatPayKeyMode;

  constructor(private readonly options: WechatPaySandboxOptions) {
    this.merchantKey = createPublicKey(options.keys.merchantPublicKeyPem);
    this.now = options.now ?? (() => new Date());
    this.mode = options.mode ?? "public_key";
    this.plugin = async (app) => this.routes(app);
  }

  get merchantName(): string {
    return this.options.merchantName ?? "辽宁CA互联互通服务平台（沙箱商户）";
  }

  /** The trade a `weixin://wxpay/bizpayurl?pr=…` code points at. */
  tradeOfCodeUrl(codeUrl: string): SandboxTrade | undefined {
    return codeUrl.startsWith(CODE_URL_PREFIX) ? this.byPrId.get(codeUrl.slice(CODE_URL_PREFIX.length)) : undefined;
  }

  /** The payer confirms: the first confirm makes the one transaction; later ones find it paid. */
  pay(trade: SandboxTrade): boolean {
    if (this.stateOf(trade) !== "NOTPAY") return false;
    trade.state = "SUCCESS";
    trade.transactionId = `42000${digits(23)}`;
    trade.successTime = this.now();
    if (this.options.autoNotify !== false) this.startDelivery(trade);
    return true;
  }

  /** The transaction as WeChat Pay describes it, in a query answer and a notification's resource. */
  transactionOf(trade: SandboxTrade): Record<string, unknown> {
    const state = this.stateOf(trade);
    const paid = state === "SUCCESS" || state === "REFUND";
    return {
      appid: this.options.keys.appId,
      mchid: this.options.keys.mchId,
      out_trade_no: trade.outTradeNo,
      trade_type: "NATIVE",
      trade_state: state,
      trade_state_desc: { NOTPAY: "未支付", SUCCESS: "支付成功", CLOSED: "订单已关闭", REFUND: "转入退款" }[state],
      ...(paid
        ? {
            transaction_id: trade.transactionId,
            bank_type: "OTHERS",
            success_time: chinaTime(trade.successTime ?? this.now()),
            payer: { openid: "oSandboxPayer000000000000000" },
          }
        : {}),
      amount: {
        total: trade.total,
        currency: "CNY",
        ...(paid ? { payer_total: trade.total, payer_currency: "CNY" } : {}),
      },
    };
  }

  /** The notification for a trade, signed now; `overrides` replace headers after signing (refusal tests). */
  buildNotification(
    outTradeNo: string,
    options: { at?: Date; overrides?: Record<string, string> } = {},
  ): SignedWechatPayNotification {
    const trade = this.trades.get(outTradeNo);
    if (!trade) throw new Error(`no sandbox trade ${outTradeNo}`);
    return signWechatPayNotification(this.transactionOf(trade), this.options.keys, {
      mode: this.mode,
      at: options.at ?? this.now(),
      overrides: options.overrides,
    });
  }

  /** Sends (or replays) a trade's notification once, now; the notify_url's HTTP status. */
  async notify(outTradeNo: string): Promise<number> {
    const trade = this.trades.get(outTradeNo);
    if (!trade) throw new Error(`no sandbox trade ${outTradeNo}`);
    const { headers, rawBody } = this.buildNotification(outTradeNo);
    const response = await fetch(trade.notifyUrl, {
      method: "POST",
      headers,
      body: rawBody,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** Resolves when every automatic delivery started so far has succeeded or given up. */
  async settled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all(this.deliveries);
  }

  private startDelivery(trade: SandboxTrade): void {
    const delivery = this.deliver(trade).finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  private async deliver(trade: SandboxTrade): Promise<void> {
    let lastStatus: number | null = null;
    for (const delay of this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay).unref());
      try {
        lastStatus = await this.notify(trade.outTradeNo);
        if (lastStatus >= 200 && lastStatus < 300) return;
      } catch {
        lastStatus = null;
      }
    }
    this.options.onDeliveryFailed?.(trade.outTradeNo, lastStatus);
  }

  /** An unpaid trade past its time_expire can no longer be paid: WeChat Pay shows it closed. */
  private stateOf(trade: SandboxTrade): SandboxTrade["state"] {
    if (trade.state === "NOTPAY" && trade.timeExpire && trade.timeExpire <= this.now()) trade.state = "CLOSED";
    return trade.state;
  }

  private async routes(app: FastifyInstance): Promise<void> {
    // The merchant signature covers the exact body bytes, so the API routes see them unparsed.
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const api = (handler: (request: FastifyRequest, body: Record<string, unknown>) => unknown) => {
      return async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          this.authenticate(request);
          const body = request.body instanceof Buffer ? parseJson(request.body) : {};
          const answer = handler(request, body);
          return this.answer(reply, answer === undefined ? 204 : 200, answer);
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          return this.answer(reply, error.status, { code: error.code, message: error.message });
        }
      };
    };

    app.post(
      "/v3/pay/transactions/native",
      api((_request, body) => this.createNative(body)),
    );
    app.get(
      "/v3/pay/transactions/out-trade-no/:outTradeNo",
      api((request) => this.transactionOf(this.tradeFor(request))),
    );
    app.post(
      "/v3/pay/transactions/out-trade-no/:outTradeNo/close",
      api((request) => {
        const trade = this.tradeFor(request);
        const state = this.stateOf(trade);
        if (state === "SUCCESS" || state === "REFUND") throw new Refusal(400, "ORDERPAID", "订单已支付");
        trade.state = "CLOSED";
        return undefined;
      }),
    );
    app.post(
      "/v3/refund/domestic/refunds",
      api((_request, body) => this.refund(body)),
    );

    app.get("/scan", async (request, reply) => {
      const codeUrl = (request.query as { code_url?: string }).code_url ?? "";
      const trade = this.tradeOfCodeUrl(codeUrl);
      if (trade) this.stateOf(trade);
      return reply
        .type("text/html; charset=utf-8")
        .code(trade ? 200 : 404)
        .send(trade ? scanPage(trade, this.merchantName) : notFoundPage());
    });
    app.post("/scan/confirm", async (request, reply) => {
      const trade = this.byPrId.get(String((request.body as { pr?: unknown } | undefined)?.pr ?? ""));
      if (!trade) return reply.type("text/html; charset=utf-8").code(404).send(notFoundPage());
      const paid = this.pay(trade) || this.stateOf(trade) !== "CLOSED";
      return reply
        .type("text/html; charset=utf-8")
        .send(paid ? paidPage(trade, this.merchantName) : scanPage(trade, this.merchantName));
    });
  }

  /** `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`. */
  private authenticate(request: FastifyRequest): void {
    const authorization = request.headers.authorization ?? "";
    const [scheme, rest = ""] = authorization.split(/ (.*)/s);
    const fields = Object.fromEntries([...rest.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial } = fields;
    if (scheme !== "WECHATPAY2-SHA256-RSA2048" || !mchid || !nonce || !signature || !timestamp || !serial) {
      throw new Refusal(401, "SIGN_ERROR", "Authorization 格式不正确");
    }
    if (mchid !== this.options.keys.mchId) throw new Refusal(400, "MCH_NOT_EXISTS", "商户号不存在");
    if (serial.toUpperCase() !== this.options.keys.mchSerialNo) {
      throw new Refusal(401, "SIGN_ERROR", "商户证书序列号有误");
    }
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
      throw new Refusal(401, "SIGN_ERROR", "时间戳已过期");
    }
    const body = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
    const message = Buffer.concat([
      Buffer.from(`${request.method}\n${request.url}\n${timestamp}\n${nonce}\n`),
      body,
      Buffer.from("\n"),
    ]);
    if (!verify("sha256", message, this.merchantKey, Buffer.from(signature, "base64"))) {
      throw new Refusal(401, "SIGN_ERROR", "签名错误");
    }
  }

  private answer(reply: FastifyReply, status: number, payload: unknown): FastifyReply {
    const body = Buffer.from(payload === undefined ? "" : JSON.stringify(payload));
    const signer = wechatPaySigner(this.options.keys, this.mode);
    reply
      .code(status)
      .headers({ ...signedHeaders(body, signer, new Date()), "Request-ID": randomBytes(16).toString("hex") });
    return status === 204 ? reply.send() : reply.type("application/json").send(body);
  }

  private tradeFor(request: FastifyRequest): SandboxTrade {
    const { outTradeNo } = request.params as { outTradeNo: string };
    const mchid =
      (request.query as { mchid?: string }).mchid ??
      (request.body instanceof Buffer ? parseJson(request.body).mchid : undefined);
    if (mchid !== this.options.keys.mchId) throw new Refusal(400, "PARAM_ERROR", "mchid 与请求商户不符");
    const trade = this.trades.get(outTradeNo);
    if (!trade) throw new Refusal(404, "ORDER_NOT_EXIST", "订单不存在");
    return trade;
  }

  private createNative(body: Record<string, unknown>): { code_url: string } {
    const { keys } = this.options;
    if (body.mchid !== keys.mchId) throw new Refusal(400, "PARAM_ERROR", "mchid 与请求商户不符");
    if (body.appid !== keys.appId) throw new Refusal(400, "APPID_MCHID_NOT_MATCH", "AppID和mch_id不匹配");
    const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
    const total = amount?.total;
    const outTradeNo = body.out_trade_no;
    const description = body.description;
    const notifyUrl = body.notify_url;
    if (typeof outTradeNo !== "string" || !OUT_TRADE_NO.test(outTradeNo)) {
      throw new Refusal(400, "PARAM_ERROR", "out_trade_no 格式不正确");
    }
    if (typeof description !== "string" || description.length === 0 || [...description].length > 127) {
      throw new Refusal(400, "PARAM_ERROR", "description 长度应为 1 到 127");
    }
    if (typeof notifyUrl !== "string" || !/^https?:\/\/[^?#]+$/.test(notifyUrl)) {
      throw new Refusal(400, "PARAM_ERROR", "notify_url 格式不正确");
    }
    if (typeof total !== "number" || !Number.isSafeInteger(total) || total < 1) {
      throw new Refusal(400, "PARAM_ERROR", "amount.total 应为正整数（单位：分）");
    }
    if (amount?.currency !== undefined && amount.currency !== "CNY") {
      throw new Refusal(400, "PARAM_ERROR", "amount.currency 仅支持 CNY");
    }
    const timeExpire = parseTimeExpire(body.time_expire);
    const existing = this.trades.get(outTradeNo);
    if (existing) {
      const state = this.stateOf(existing);
      if (state === "SUCCESS" || state === "REFUND") throw new Refusal(400, "ORDERPAID", "该订单已支付");
      if (state === "CLOSED") throw new Refusal(400, "ORDER_CLOSED", "订单已关闭");
      if (existing.total !== total || existing.description !== description) {
        throw new Refusal(403, "OUT_TRADE_NO_USED", "商户订单号重复");
      }
      return { code_url: `${CODE_URL_PREFIX}${existing.prId}` };
    }
    const trade: SandboxTrade = {
      prId: randomBytes(12).toString("base64url"),
      outTradeNo,
      description,
      total,
      state: "NOTPAY",
      notifyUrl,
      timeExpire,
      transactionId: null,
      successTime: null,
      refunds: new Map(),
    };
    this.trades.set(outTradeNo, trade);
    this.byPrId.set(trade.prId, trade);
    return { code_url: `${CODE_URL_PREFIX}${trade.prId}` };
  }

  private refund(body: Record<string, unknown>): Record<string, unknown> {
    const trade = typeof body.out_trade_no === "string" ? this.trades.get(body.out_trade_no) : undefined;
    if (!trade) throw new Refusal(404, "RESOURCE_NOT_EXISTS", "订单不存在");
    const outRefundNo = body.out_refund_no;
    const amount = body.amount as { refund?: unknown; total?: unknown } | undefined;
    if (typeof outRefundNo !== "string" || !/^[A-Za-z0-9_\-|*@]{1,64}$/.test(outRefundNo)) {
      throw new Refusal(400, "PARAM_ERROR", "out_refund_no 格式不正确");
    }
    const state = this.stateOf(trade);
    if (state !== "SUCCESS" && state !== "REFUND") throw new Refusal(400, "INVALID_REQUEST", "订单未支付，不能退款");
    if (amount?.total !== trade.total) throw new Refusal(400, "PARAM_ERROR", "订单金额与原订单不符");
    const refund = amount?.refund;
    const previous = trade.refunds.get(outRefundNo);
    if (previous) {
      if (previous.refund !== refund) throw new Refusal(400, "INVALID_REQUEST", "退款单号已使用，退款金额不一致");
      return this.refundAnswer(trade, outRefundNo);
    }
    const refunded = [...trade.refunds.values()].reduce((sum, r) => sum + r.refund, 0);
    if (typeof refund !== "number" || !Number.isSafeInteger(refund) || refund < 1 || refunded + refund > trade.total) {
      throw new Refusal(403, "NOT_ENOUGH", "可退款金额不足");
    }
    trade.refunds.set(outRefundNo, { refundId: `50000${digits(25)}`, refund, createTime: this.now() });
    trade.state = "REFUND";
    return this.refundAnswer(trade, outRefundNo);
  }

  private refundAnswer(trade: SandboxTrade, outRefundNo: string): Record<string, unknown> {
    const refund = trade.refunds.get(outRefundNo);
    if (!refund) throw new Error("refund missing");
    return {
      refund_id: refund.refundId,
      out_refund_no: outRefundNo,
      transaction_id: trade.transactionId,
      out_trade_no: trade.outTradeNo,
      channel: "ORIGINAL",
      user_received_account: "支付用户零钱",
      create_time: chinaTime(refund.createTime),
      success_time: chinaTime(refund.createTime),
      // The sandbox refunds from 零钱 at once; WeChat Pay often answers PROCESSING first.
      status: "SUCCESS",
      funds_account: "AVAILABLE",
      amount: {
        total: trade.total,
        refund: refund.refund,
        payer_total: trade.total,
        payer_refund: refund.refund,
        settlement_refund: refund.refund,
        settlement_total: trade.total,
        discount_refund: 0,
        currency: "CNY",
      },
    };
  }
}

function parseJson(body: Buffer): Record<string, unknown> {
  try {
    const value = JSON.parse(body.toString("utf8"));
    if (typeof value === "object" && value !== null) return value;
  } catch {
    // answered below
  }
  throw new Refusal(400, "PARAM_ERROR", "请求体不是合法的 JSON");
}

function parseTimeExpire(value: unknown): Date | null {
  if (value === undefined) return null;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(value)) {
    throw new Refusal(400, "PARAM_ERROR", "time_expire 格式不正确");
  }
  return new Date(value);
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
