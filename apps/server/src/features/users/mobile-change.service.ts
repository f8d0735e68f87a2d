import { maskMobile, type Profile } from "@lnca/contracts";
import { isUniqueViolation } from "../../db/unique-violation";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { recordAudit } from "../audit/audit";
import type { SmsCodeService } from "../auth/sms-codes.service";
import { requireMobile } from "../auth/sms-codes.service";
import type { Actor } from "../policy/actor";
import { authorize } from "../policy/policy";
import { findAccountByMobile } from "./accounts.service";
import { type ProfileService, requireUser } from "./profile.service";
import { updateUser } from "./users.queries";

/**
 * The bound mobile is the person's login, so it changes only when they prove they hold the new one: a code is
 * sent to the NEW mobile (purpose `mobile_change`), and the switch checks it. A mobile another person's account
 * uses is refused before a code is sent and again at the switch (and by the unique index under a race).
 */
export class MobileChangeService {
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly smsCodes: SmsCodeService;
  private readonly profiles: ProfileService;

  constructor(deps: { database: UnitOfWork; clock: Clock; smsCodes: SmsCodeService; profiles: ProfileService }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.smsCodes = deps.smsCodes;
    this.profiles = deps.profiles;
  }

  async sendCode(actor: Actor, userId: string, input: { mobile: string; ip: string | null }) {
    authorize(actor, "profile.update", { userId });
    const mobile = await this.checkNewMobile(userId, input.mobile);
    return this.smsCodes.send({ mobile, purpose: "mobile_change", ip: input.ip });
  }

  async change(actor: Actor, userId: string, input: { mobile: string; smsCode: string }): Promise<Profile> {
    authorize(actor, "profile.update", { userId });
    const mobile = await this.checkNewMobile(userId, input.mobile);
    const code = await this.smsCodes.check({ mobile, purpose: "mobile_change", code: input.smsCode });
    try {
      return await this.database.transaction(async (trx) => {
        const now = this.clock.now();
        const user = await requireUser(trx, userId);
        const holder = await findAccountByMobile(trx, mobile);
        if (holder && holder.id !== userId) throw new AppError("MOBILE_BOUND_TO_OTHER_PERSON");
        await this.smsCodes.consume(trx, code.codeId);
        await updateUser(trx, userId, { mobile, updated_at: now.toISOString() });
        await recordAudit(
          trx,
          actor,
          "user.mobile_changed",
          { kind: "user", id: userId },
          { fromMasked: maskMobile(user.mobile), toMasked: maskMobile(mobile) },
          now,
        );
        return this.profiles.view(trx, actor, await requireUser(trx, userId));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("MOBILE_BOUND_TO_OTHER_PERSON");
      throw error;
    }
  }

  private async checkNewMobile(userId: string, value: string): Promise<string> {
    const mobile = requireMobile(value);
    const user = await requireUser(this.database.db, userId);
    if (user.mobile === mobile) throw new AppError("MOBILE_UNCHANGED");
    const holder = await findAccountByMobile(this.database.db, mobile);
    if (holder && holder.id !== userId) throw new AppError("MOBILE_BOUND_TO_OTHER_PERSON");
    return mobile;
  }
}
