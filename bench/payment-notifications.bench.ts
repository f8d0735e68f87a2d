import { generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import { alipayAmount, alipayTime } from "../apps/server/src/adapters/payments/alipay/alipay-protocol";
import type { PaymentChannel, PaymentNotification } from "../apps/server/src/adapters/payments/payment-provider";
import { ensureAlipaySandboxKeys } from "../apps/server/src/adapters/payments/sandbox/alipay-sandbox-keys";
import {
  alipayNotificationBody,
  signAlipayNotification,
} from "../apps/server/src/adapters/payments/sandbox/alipay-signature";
import { loadOrCreateWechatPaySandboxKeys } from "../apps/server/src/adapters/payments/sandbox/wechat-keys";
import { signWechatPayNotification } from "../apps/server/src/adapters/payments/sandbox/wechat-notification";
import { chinaTime } from "../apps/server/src/adapters/payments/wechat/wechat-pay-transaction";
import type { AppContext } from "../apps/server/src/app/context";
import { buildRenewingEnterprise } from "../apps/server/test/support/factories";
import { recordMemberCertificates, recordStartedPayments } from "./renewal-fixtures";
import { type BenchResult, benchContext, benchPostgresUrl } from "./support";

/** Rounds of the interleaved measurement, notifications a channel per round, and notifications in flight. */
const ROUNDS = 6;
const BATCH = 150;
const CLIENTS = 16;
const RAW_BATCH = 1_000;

/**
 * The providers' asynchronous notifications through PaymentService.notify, each for a distinct payment that
 * waits: the signature checked (Alipay: RSA2 over the sorted form through alipay-sdk; WeChat Pay: RSA-SHA256
 * over `timestamp\nnonce\nbody\n` on the raw bytes, then the resource decrypted), then applied under the
 * payment's lock — payment paid, order paid, its item waiting for the key update, three audit rows. Sixteen
 * arrive at once, as from a provider retrying a busy moment. The reference is raw RSA-2048 verifications
 * (node:crypto, one thread, a parsed public key) of a message of the notification's size, in the same run;
 * the two alternate in rounds so a slower spell of the machine falls on both.
 */
export async function paymentNotificationsBench(): Promise<BenchResult[]> {
  const postgresUrl = benchPostgresUrl();
  const results = await measure("SQLite");
  if (postgresUrl) results.push(...(await measure("PostgreSQL", postgresUrl)));
  else console.info("支付通知：未设置 BENCH_DATABASE_URL / TEST_DATABASE_URL，只测 SQLite");
  return results;
}

async function measure(database: string, postgresUrl?: string): Promise<BenchResult[]> {
  const { ctx, close } = await benchContext({ postgresUrl });
  try {
    const count = (ROUNDS + 1) * BATCH;
    const ready = await buildRenewingEnterprise(ctx);
    const admin = {
      userId: ready.admin.user.id,
      identityId: ready.admin.identityId,
      enterpriseId: ready.enterprise.id,
    };
    const certificateIds = await recordMemberCertificates(ctx, ready.enterprise.id, 2 * count);
    const started = async (channel: PaymentChannel, offset: number) =>
      recordStartedPayments(ctx, {
        admin,
        channel,
        certificateIds: certificateIds.slice(offset, offset + count),
        firstOrderNumber: offset + 1,
      });
    const channels = {
      alipay: (await alipayNotifications(ctx, await started("alipay", 0))).map((n) => ({ n, reply: 200 })),
      wechat: (await wechatNotifications(ctx, await started("wechat", count))).map((n) => ({ n, reply: 204 })),
    };

    const notify = (channel: PaymentChannel) => {
      const queue = channels[channel];
      return async (): Promise<number> => {
        const batch = queue.splice(0, BATCH);
        const t0 = performance.now();
        const client = async () => {
          for (let next = batch.shift(); next; next = batch.shift()) {
            const reply = await ctx.payments.notify(channel, next.n);
            if (reply.status !== next.reply) throw new Error(`${channel} notification answered ${reply.status}`);
          }
        };
        await Promise.all(Array.from({ length: CLIENTS }, client));
        return BATCH / ((performance.now() - t0) / 1000);
      };
    };
    const sizes = {
      alipay: channels.alipay[0]?.n.rawBody.length ?? 0,
      wechat: channels.wechat[0]?.n.rawBody.length ?? 0,
    };
    const works = {
      rawAlipay: rawVerifier(sizes.alipay),
      alipay: notify("alipay"),
      rawWechat: rawVerifier(sizes.wechat),
      wechat: notify("wechat"),
    };
    await works.alipay();
    await works.wechat();
    const rates = {
      rawAlipay: [] as number[],
      alipay: [] as number[],
      rawWechat: [] as number[],
      wechat: [] as number[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, work] of Object.entries(works)) rates[name as keyof typeof works].push(await work());
    }
    await expectAllPaid(ctx, 2 * count);

    // Every round counts the same number of operations: the rate over all rounds is the harmonic mean.
    const overall = (xs: number[]) => xs.length / xs.reduce((sum, x) => sum + 1 / x, 0);
    return (["alipay", "wechat"] as const).map((channel) => {
      const raw = overall(rates[channel === "alipay" ? "rawAlipay" : "rawWechat"]);
      const notifications = overall(rates[channel]);
      return {
        name: `${channel === "alipay" ? "支付宝" : "微信支付"}异步通知处理吞吐 / 原始 RSA-2048 验签，${database}`,
        ratio: notifications / raw,
        detail:
          `${notifications.toFixed(0)} notifications/s verified and applied (${CLIENTS} at once, ` +
          `${ROUNDS * BATCH} measured), raw verifies ${raw.toFixed(0)}/s of ${sizes[channel]} bytes`,
      };
    });
  } finally {
    await close();
  }
}

/** Alipay's notifications for these payments, as its gateway signs them with the sandbox's Alipay key. */
async function alipayNotifications(
  ctx: AppContext,
  payments: { outTradeNo: string; amountFen: number }[],
): Promise<PaymentNotification[]> {
  const settings = ctx.config.payments.alipay;
  if (settings?.keys.kind !== "sandbox") throw new Error("the bench pays in the Alipay sandbox");
  const keys = ensureAlipaySandboxKeys(settings.keys.dir);
  const now = alipayTime(ctx.clock.now());
  return payments.map((payment, i) => {
    const amount = alipayAmount(payment.amountFen);
    const params = signAlipayNotification(
      {
        notify_time: now,
        notify_type: "trade_status_sync",
        notify_id: `bench${i}`,
        charset: "utf-8",
        version: "1.0",
        app_id: settings.appId,
        auth_app_id: settings.appId,
        seller_id: settings.sellerId,
        trade_no: `2026113022001400000${String(i).padStart(6, "0")}`,
        out_trade_no: payment.outTradeNo,
        buyer_id: "2088000000000002",
        buyer_logon_id: "buy***@example.com",
        trade_status: "TRADE_SUCCESS",
        total_amount: amount,
        receipt_amount: amount,
        invoice_amount: amount,
        buyer_pay_amount: amount,
        point_amount: "0.00",
        subject: `CA 数字证书延期年检 ${payment.outTradeNo.slice(0, -3)}`,
        gmt_create: now,
        gmt_payment: now,
        fund_bill_list: JSON.stringify([{ amount, fundChannel: "ALIPAYACCOUNT" }]),
      },
      keys.alipayPrivateKeyPem,
    );
    return {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      rawBody: Buffer.from(alipayNotificationBody(params)),
    };
  });
}

/** WeChat Pay's TRANSACTION.SUCCESS notifications for these payments, signed with the sandbox's keys. */
async function wechatNotifications(
  ctx: AppContext,
  payments: { outTradeNo: string; amountFen: number }[],
): Promise<PaymentNotification[]> {
  const settings = ctx.config.payments.wechat;
  if (settings?.kind !== "sandbox") throw new Error("the bench pays in the WeChat Pay sandbox");
  const keys = await loadOrCreateWechatPaySandboxKeys(settings.dir);
  const at = ctx.clock.now();
  return payments.map((payment, i) =>
    signWechatPayNotification(
      {
        appid: keys.appId,
        mchid: keys.mchId,
        out_trade_no: payment.outTradeNo,
        transaction_id: `42000000002026113000${String(i).padStart(8, "0")}`,
        trade_type: "NATIVE",
        trade_state: "SUCCESS",
        trade_state_desc: "支付成功",
        bank_type: "OTHERS",
        success_time: chinaTime(at),
        payer: { openid: "oSandboxPayer000000000000000" },
        amount: { total: payment.amountFen, currency: "CNY", payer_total: payment.amountFen, payer_currency: "CNY" },
      },
      keys,
      { mode: settings.keyMode, at },
    ),
  );
}

/** Raw RSA-2048 PKCS#1 v1.5 SHA-256 verifications a second, of a `size`-byte message. */
function rawVerifier(size: number): () => number {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const message = Buffer.alloc(size, "a");
  const signature = sign("sha256", message, privateKey);
  const key: KeyObject = publicKey;
  return () => {
    const t0 = performance.now();
    for (let i = 0; i < RAW_BATCH; i++) {
      if (!verify("sha256", message, key, signature)) throw new Error("raw verify failed");
    }
    return RAW_BATCH / ((performance.now() - t0) / 1000);
  };
}

/** Every notification was applied: each payment paid, each order paid. */
async function expectAllPaid(ctx: AppContext, count: number): Promise<void> {
  const db = ctx.database.db;
  const [payments, orders] = await Promise.all([
    db
      .selectFrom("payments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "paid")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("renewal_orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "paid")
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(payments.n) !== count || Number(orders.n) !== count) {
    throw new Error(`${payments.n} payments and ${orders.n} orders paid of ${count}`);
  }
}
