import type { SessionUser } from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { recordAudit } from "../audit/audit";
import { findAccountByMobile } from "../users/accounts.service";
import { defaultIdentityId, loadSessionUser } from "../users/session-user";
import type { RequestMeta } from "./ca-login.service";
import type { SessionService } from "./sessions.service";
import type { SmsCodeService } from "./sms-codes.service";

/** 手机号登录: the bound mobile number plus a one-time SMS code. */
export class SmsLoginService {
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly smsCodes: SmsCodeService;
  private readonly sessions: SessionService;

  constructor(deps: { database: UnitOfWork; clock: Clock; smsCodes: SmsCodeService; sessions: SessionService }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.smsCodes = deps.smsCodes;
    this.sessions = deps.sessions;
  }

  async login(
    input: { mobile: string; smsCode: string },
    meta: RequestMeta,
  ): Promise<{ user: SessionUser; sessionToken: string }> {
    const code = await this.smsCodes.check({ mobile: input.mobile, purpose: "login", code: input.smsCode });
    const user = await findAccountByMobile(this.database.db, code.mobile);
    if (!user) throw new AppError("ACCOUNT_NOT_FOUND");
    return this.database.transaction(async (trx) => {
      await this.smsCodes.consume(trx, code.codeId);
      const identityId = await defaultIdentityId(trx, user.id);
      const session = await this.sessions.create(trx, {
        subject: { kind: "user", userId: user.id, identityId },
        ...meta,
      });
      await recordAudit(
        trx,
        { kind: "user", userId: user.id, ip: meta.ip },
        "auth.sms_login",
        { kind: "user", id: user.id },
        {},
        this.clock.now(),
      );
      return { user: await loadSessionUser(trx, user.id, identityId), sessionToken: session.token };
    });
  }
}
