import type { Tx } from "../../db/database";
import type { IdentityRole, IdentityStatus } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import type { SmsService } from "../notifications/sms.service";
import type { Actor } from "../policy/actor";
import { ROLE_NAMES } from "./identities.audit";
import {
  findActiveAdmin,
  findIdentityForDecision,
  listPendingAdminApplications,
  lockEnterpriseForAdminDecision,
} from "./identities.queries";
import { identityMachine } from "./identities.states";

/** An identity as the policy decides on it (identity.decide, identity.remove, identity.switch). */
export interface IdentityResource {
  id: string;
  userId: string;
  enterpriseId: string | null;
  role: IdentityRole;
  status: IdentityStatus;
}

/** As a route loads it (and the policy decides on it): also what its SMS needs. */
export type LoadedIdentity = IdentityResource & { mobile: string; enterpriseName: string | null };

type Decided = { id: string; status: IdentityStatus };
type Decider = Extract<Actor, { kind: "user" | "staff" }>;

/**
 * Decisions on identities: the enterprise's administrator approves, rejects (with a reason) or removes a project
 * lead's or agent's identity (人员管理); the operator approves or rejects an administrator application. Every
 * decision goes through the transition step from the state it was read in (of two at once, one wins and the
 * other is STATE_CONFLICT), is audited, and is announced to the person by SMS through the outbox.
 */
export class IdentityDecisions {
  constructor(private readonly deps: { database: UnitOfWork; clock: Clock; sms: SmsService }) {}

  /** The identity and what its SMS needs; IDENTITY_NOT_FOUND. */
  async load(identityId: string): Promise<LoadedIdentity> {
    const row = await findIdentityForDecision(this.deps.database.db, identityId);
    if (!row) throw new AppError("IDENTITY_NOT_FOUND");
    return {
      id: row.id,
      userId: row.user_id,
      enterpriseId: row.enterprise_id,
      role: row.role,
      status: row.status,
      mobile: row.mobile,
      enterpriseName: row.enterprise_name ?? null,
    };
  }

  approve(actor: Decider, identity: LoadedIdentity): Promise<Decided> {
    return this.decide(actor, identity, { to: "active", result: "申请已审核通过" });
  }

  reject(actor: Decider, identity: LoadedIdentity, reason: string): Promise<Decided> {
    return this.decide(actor, identity, { to: "rejected", reason, result: `申请未通过，原因：${reason}` });
  }

  /** 移除: an active identity is revoked, an application still pending is turned down. */
  async remove(actor: Decider, identity: LoadedIdentity): Promise<Decided> {
    if (identity.role === "admin") throw new AppError("IDENTITY_ADMIN_NOT_REMOVABLE");
    const to = identity.status === "pending" ? "rejected" : "revoked";
    return this.decide(actor, identity, { to, reason: "已被移除", result: "已被移除", removal: true });
  }

  private async decide(
    actor: Decider,
    identity: LoadedIdentity,
    change: { to: IdentityStatus; result: string; reason?: string; removal?: boolean },
  ): Promise<Decided> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const from = change.removal ? identity.status : "pending";
    const { userId, enterpriseId, role } = identity;
    await this.deps.database.transaction(async (trx) => {
      // 管理员身份唯一: decisions on an enterprise's administrator one at a time (approving one turns the others
      // down), checked here for a clear answer; the unique index still settles any other race (STATE_CONFLICT).
      if (role === "admin" && enterpriseId) await lockEnterpriseForAdminDecision(trx, enterpriseId);
      if (change.to === "active" && role === "admin" && enterpriseId && (await findActiveAdmin(trx, enterpriseId))) {
        throw new AppError("ENTERPRISE_HAS_ADMIN");
      }
      const audit =
        change.removal === true
          ? { actor, action: "identity.removed" as const, data: { userId, enterpriseId, role } }
          : change.to === "active"
            ? { actor, action: "identity.approved" as const, data: { userId, enterpriseId, role } }
            : {
                actor,
                action: "identity.rejected" as const,
                data: { userId, enterpriseId, role, reason: change.reason ?? "" },
              };
      await transition(trx, identityMachine, {
        id: identity.id,
        from,
        to: change.to,
        set: {
          decided_by_user_id: actor.kind === "user" ? actor.userId : null,
          decided_by_staff_id: actor.kind === "staff" ? actor.staffId : null,
          decided_at: at,
          decision_reason: change.reason ?? null,
          updated_at: at,
        },
        audit,
        at: now,
      });
      await this.deps.sms.queue(trx, identity.mobile, "identity_decision", {
        enterprise: identity.enterpriseName ?? "平台",
        role: ROLE_NAMES[role],
        result: change.result,
      });
      if (change.to === "active" && role === "admin" && enterpriseId) {
        await this.turnDownOtherAdminApplications(trx, actor, identity, now);
      }
    });
    return { id: identity.id, status: change.to };
  }

  /** 管理员身份唯一: once one administrator is approved, the enterprise's other applications are answered too. */
  private async turnDownOtherAdminApplications(trx: Tx, actor: Decider, approved: LoadedIdentity, now: Date) {
    const reason = "该企业已有管理员";
    const at = now.toISOString();
    for (const other of await listPendingAdminApplications(trx, approved.enterpriseId ?? "")) {
      await transition(trx, identityMachine, {
        id: other.id,
        from: "pending",
        to: "rejected",
        set: {
          decided_by_user_id: actor.kind === "user" ? actor.userId : null,
          decided_by_staff_id: actor.kind === "staff" ? actor.staffId : null,
          decided_at: at,
          decision_reason: reason,
          updated_at: at,
        },
        audit: {
          actor,
          action: "identity.rejected",
          data: { userId: other.user_id, enterpriseId: approved.enterpriseId, role: "admin", reason },
        },
        at: now,
      });
      await this.deps.sms.queue(trx, other.mobile, "identity_decision", {
        enterprise: approved.enterpriseName ?? "平台",
        role: ROLE_NAMES.admin,
        result: `申请未通过，原因：${reason}`,
      });
    }
  }
}
