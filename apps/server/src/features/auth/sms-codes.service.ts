import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { normalizeMobile } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { isoAfter } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { DAY, HOUR, hitRateLimit, MINUTE } from "../../shared/rate-limit";
import type { SmsService } from "../notifications/sms.service";
import { findAccountByMobile } from "../users/accounts.service";
import { consumeCode, countAttempt, findLatestOpenCode, insertSmsCode } from "./sms-codes.queries";

export type SmsPurpose = "login" | "bind" | "mobile_change";

const CODE_TTL_MS = 5 * MINUTE;
const RESEND_AFTER_S = 60;
const MAX_ATTEMPTS = 5;

// The providers' own per-phone limits (Aliyun: 1/min, 5/h, 10/day); ours apply first so theirs never bite.
const PER_MOBILE = [
  { ms: MINUTE, max: 1, label: "每分钟最多 1 条" },
  { ms: HOUR, max: 5, label: "每小时最多 5 条" },
  { ms: DAY, max: 10, label: "每天最多 10 条" },
] as const;
const PER_IP = [
  { ms: HOUR, max: 30, label: "同一网络每小时最多 30 条" },
  { ms: DAY, max: 100, label: "同一网络每天最多 100 条" },
] as const;

/** SMS verification codes: issued with limits, stored only as an HMAC, single use, five tries. */
export class SmsCodeService {
  private readonly database: UnitOfWork;
  private readonly sms: SmsService;
  private readonly clock: Clock;
  private readonly secret: string;

  constructor(deps: { database: UnitOfWork; sms: SmsService; clock: Clock; secret: string }) {
    this.database = deps.database;
    this.sms = deps.sms;
    this.clock = deps.clock;
    this.secret = deps.secret;
  }

  /**
   * Sends a code. A login code asked for a mobile with no account answers the same and counts against the
   * same limits, but nothing is sent: the answer does not tell which mobiles have accounts.
   */
  async send(input: { mobile: string; purpose: SmsPurpose; ip: string | null }) {
    const mobile = requireMobile(input.mobile);
    const now = this.clock.now();
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await this.database.transaction(async (trx) => {
      await hitRateLimit(trx, {
        bucket: "sms:mobile",
        subject: mobile,
        windows: PER_MOBILE,
        now,
        code: "SMS_RATE_LIMITED",
      });
      if (input.ip) {
        await hitRateLimit(trx, {
          bucket: "sms:ip",
          subject: input.ip,
          windows: PER_IP,
          now,
          code: "SMS_RATE_LIMITED",
        });
      }
      if (input.purpose === "login" && !(await findAccountByMobile(trx, mobile))) return;
      await insertSmsCode(trx, {
        id: newId(),
        mobile,
        purpose: input.purpose,
        code_hash: this.hash(mobile, input.purpose, code),
        ip: input.ip,
        created_at: now.toISOString(),
        expires_at: isoAfter(now, CODE_TTL_MS),
      });
      await this.sms.queue(trx, mobile, "verification_code", { code });
    });
    return { resendAfterSeconds: RESEND_AFTER_S, expiresInSeconds: CODE_TTL_MS / 1000 };
  }

  /**
   * Checks a code against the latest one sent. Every check is counted first, in one statement that refuses
   * once the code has had its tries: under any concurrency a code is compared at most MAX_ATTEMPTS times, and
   * a code that used them is dead, the right code included. The count is committed on its own, so it survives
   * the caller's rollback; the caller then consumes the returned code id in its transaction.
   */
  async check(input: {
    mobile: string;
    purpose: SmsPurpose;
    code: string;
  }): Promise<{ codeId: string; mobile: string }> {
    const mobile = requireMobile(input.mobile);
    const row = await findLatestOpenCode(this.database.db, mobile, input.purpose);
    if (!row) throw new AppError("SMS_CODE_INVALID");
    if (row.expires_at <= this.clock.now().toISOString()) throw new AppError("SMS_CODE_EXPIRED");
    if (!(await countAttempt(this.database.db, row.id, MAX_ATTEMPTS))) throw new AppError("SMS_CODE_TOO_MANY_ATTEMPTS");
    const expected = Buffer.from(row.code_hash, "hex");
    const actual = Buffer.from(this.hash(mobile, input.purpose, input.code.trim()), "hex");
    if (!timingSafeEqual(expected, actual)) throw new AppError("SMS_CODE_INVALID");
    return { codeId: row.id, mobile };
  }

  async consume(trx: DbOrTx, codeId: string): Promise<void> {
    if (!(await consumeCode(trx, codeId, this.clock.now().toISOString()))) throw new AppError("SMS_CODE_INVALID");
  }

  private hash(mobile: string, purpose: string, code: string): string {
    return createHmac("sha256", this.secret).update(`${purpose}:${mobile}:${code}`).digest("hex");
  }
}

export function requireMobile(value: string): string {
  const mobile = normalizeMobile(value);
  if (!mobile) throw new AppError("MOBILE_INVALID");
  return mobile;
}
