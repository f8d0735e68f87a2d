import { type IdentityApplication, isValidUscc, type SessionUser } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { IdentityRole, IdentityStatus } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { SessionService } from "../auth/sessions.service";
import { ensureEnterprise, findEnterpriseOfUscc } from "../enterprises/enterprises.service";
import type { Actor } from "../policy/actor";
import { loadSessionUser } from "../users/session-user";
import "./identities.audit";
import { findActiveAdmin, findOpenIdentity, insertIdentity } from "./identities.queries";

type UserActor = Extract<Actor, { kind: "user" }>;
export type SessionIdentityView = SessionUser["identities"][number];

/**
 * 【新增】 an identity and 切换身份. Rules (SPEC J2): a personal identity is active at once; an administrator
 * application waits for the operator and is possible only while the enterprise has no administrator (the
 * first one creates an enterprise not yet on record); a project lead's or agent's waits for the enterprise's
 * administrator. One open identity per person, enterprise and role (also a unique index underneath).
 */
export class IdentityApplications {
  constructor(private readonly deps: { database: UnitOfWork; clock: Clock; sessions: SessionService }) {}

  apply(actor: UserActor, application: IdentityApplication): Promise<SessionIdentityView> {
    const now = this.deps.clock.now();
    return this.deps.database.transaction(async (trx) => {
      if (application.kind === "personal") {
        const id = await this.insert(trx, actor, { enterpriseId: null, role: "individual", status: "active" }, now);
        return { id, role: "individual", enterpriseId: null, enterpriseName: null, status: "active" };
      }
      const { enterpriseName, role } = application;
      const uscc = application.uscc.toUpperCase();
      if (!isValidUscc(uscc)) throw new AppError("USCC_INVALID");
      const enterpriseId = await this.enterpriseFor(trx, actor, { uscc, name: enterpriseName, role }, now);
      if (role === "admin") {
        const admin = await findActiveAdmin(trx, enterpriseId);
        if (admin)
          throw new AppError(admin.user_id === actor.userId ? "IDENTITY_ALREADY_HELD" : "ENTERPRISE_HAS_ADMIN");
      }
      const id = await this.insert(trx, actor, { enterpriseId, role, status: "pending" }, now);
      return { id, role, enterpriseId, enterpriseName, status: "pending" };
    });
  }

  /** The enterprise applied to: on record with this name; an administrator application records a new one. */
  private async enterpriseFor(
    trx: DbOrTx,
    actor: Actor,
    input: { uscc: string; name: string; role: IdentityRole },
    now: Date,
  ): Promise<string> {
    const existing = await findEnterpriseOfUscc(trx, input.uscc);
    if (existing) {
      if (existing.name !== input.name) throw new AppError("IDENTITY_ENTERPRISE_NAME_MISMATCH");
      return existing.id;
    }
    if (input.role !== "admin") throw new AppError("IDENTITY_ENTERPRISE_UNKNOWN");
    return ensureEnterprise(trx, actor, { uscc: input.uscc, name: input.name, now });
  }

  private async insert(
    trx: DbOrTx,
    actor: UserActor,
    input: { enterpriseId: string | null; role: IdentityRole; status: IdentityStatus },
    now: Date,
  ): Promise<string> {
    if (await findOpenIdentity(trx, actor.userId, input.enterpriseId, input.role)) {
      throw new AppError("IDENTITY_ALREADY_HELD");
    }
    const id = newId();
    const at = now.toISOString();
    await insertIdentity(trx, {
      id,
      user_id: actor.userId,
      enterprise_id: input.enterpriseId,
      role: input.role,
      status: input.status,
      decided_by_user_id: null,
      decided_by_staff_id: null,
      decided_at: input.status === "active" ? at : null,
      decision_reason: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, actor, "identity.applied", { kind: "identity", id }, input, now);
    return id;
  }

  /**
   * 切换身份: the session speaks in this identity from the next request on, so every page shows and allows what
   * it does. The route has checked that it is the actor's own; it must be active (IDENTITY_NOT_ACTIVE).
   */
  async switchTo(actor: UserActor, identity: { id: string; status: IdentityStatus }): Promise<SessionUser> {
    if (identity.status !== "active") throw new AppError("IDENTITY_NOT_ACTIVE");
    if (!actor.sessionId) throw new AppError("UNAUTHENTICATED");
    const sessionId = actor.sessionId;
    await this.deps.database.transaction(async (trx) => {
      await this.deps.sessions.switchIdentity(trx, sessionId, identity.id);
      await recordAudit(
        trx,
        actor,
        "session.identity_switched",
        { kind: "identity", id: identity.id },
        { identityId: identity.id },
        this.deps.clock.now(),
      );
    });
    return loadSessionUser(this.deps.database.db, actor.userId, identity.id);
  }
}
