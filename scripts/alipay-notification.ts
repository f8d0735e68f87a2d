/**
 * `npx tsx scripts/alipay-notification.ts out_trade_no=… total_amount=700.00 [name=value …]`: prints the body of an
 * Alipay asynchronous notification signed with the sandbox's Alipay key (DATA_DIR/sandbox/alipay), to replay or
 * forge one against the notify route (docs/OPERATIONS.md, "Alipay"). Fields not given get the demo's values.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { alipayTime } from "../apps/server/src/adapters/payments/alipay/alipay-protocol";
import {
  ALIPAY_SANDBOX_APP_ID,
  ALIPAY_SANDBOX_SELLER_ID,
} from "../apps/server/src/adapters/payments/sandbox/alipay-sandbox-keys";
import {
  alipayNotificationBody,
  signAlipayNotification,
} from "../apps/server/src/adapters/payments/sandbox/alipay-signature";

const given = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const at = arg.indexOf("=");
    if (at < 1) throw new Error(`expected name=value, got ${arg}`);
    return [arg.slice(0, at), arg.slice(at + 1)];
  }),
);
if (!given.out_trade_no || !given.total_amount) throw new Error("out_trade_no=… and total_amount=… are required");

const now = alipayTime(new Date());
const params = {
  notify_time: now,
  notify_type: "trade_status_sync",
  notify_id: randomBytes(16).toString("hex"),
  charset: "utf-8",
  version: "1.0",
  app_id: ALIPAY_SANDBOX_APP_ID,
  auth_app_id: ALIPAY_SANDBOX_APP_ID,
  seller_id: ALIPAY_SANDBOX_SELLER_ID,
  trade_no: `${now.slice(0, 10).replaceAll("-", "")}22001${Date.now().toString().slice(-15).padStart(15, "0")}`,
  trade_status: "TRADE_SUCCESS",
  gmt_create: now,
  gmt_payment: now,
  ...given,
};
const keyFile = path.resolve(process.env.DATA_DIR ?? "data", "sandbox", "alipay", "alipay_private_key.pem");
process.stdout.write(alipayNotificationBody(signAlipayNotification(params, readFileSync(keyFile, "utf8"))));
