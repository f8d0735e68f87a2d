import type { DbOrTx } from "../../db/database";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { isoAfter } from "../../shared/clock";
import { newSecretToken, sha256Hex } from "../../shared/ids";
import type { SessionActor } from "../policy/actor";
import {
  findLiveSessionByTokenHash,
  insertSession,
  revokeSessionByTokenHash,
  setSessionIdentity,
} from "./sessions.queries";

export const USER_SESSION_COOKIE = "lnca_session";
export const STAFF_SESSION_COOKIE = "lnca_console_session";

export interface NewSession {
  subject:
    | { kind: "user"; userId: string; identityId: string | null; certificateId?: string }
    | { kind: "staff"; staffId: string };
  ip: string | null;
  userAgent: string | null;
}

/**
 * Sessions live in the database (any server process can answer any request); the browser holds a random
 * token in an httpOnly cookie and the table holds its hash, which is the session's id.
 */
export class SessionService {
  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async create(trx: DbOrTx, session: NewSession): Promise<{ token: string; expiresAt: Date }> {
    const token = newSecretToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const user = session.subject.kind === "user" ? session.subject : null;
    await insertSession(trx, {
      id: sha256Hex(token),
      subject_kind: session.subject.kind,
      user_id: user?.userId ?? null,
      staff_id: session.subject.kind === "staff" ? session.subject.staffId : null,
      current_identity_id: user?.identityId ?? null,
      certificate_id: user?.certificateId ?? null,
      created_at: now.toISOString(),
      expires_at: isoAfter(now, this.ttlMs),
      revoked_at: null,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  async resolve(db: DbOrTx, token: string | undefined, kind: "user" | "staff"): Promise<SessionActor | null> {
    if (!token || token.length > 100) return null;
    const row = await findLiveSessionByTokenHash(db, sha256Hex(token), this.clock.now().toISOString());
    if (!row || row.subject_kind !== kind) return null;
    if (kind === "staff") {
      if (!row.staff_id || !row.staff_role || row.staff_disabled) return null;
      return { kind: "staff", staffId: row.staff_id, sessionId: row.id, role: row.staff_role };
    }
    if (!row.user_id) return null;
    const identity =
      row.current_identity_id && row.identity_role && row.identity_status === "active"
        ? { id: row.current_identity_id, role: row.identity_role, enterpriseId: row.identity_enterprise_id }
        : null;
    return { kind: "user", userId: row.user_id, sessionId: row.id, identity };
  }

  /**
   * Switches the session to another of its user's identities: every later request speaks in it, without a new
   * login. The caller has checked that the identity is the user's and active. UNAUTHENTICATED if the session ended.
   */
  async switchIdentity(db: DbOrTx, sessionId: string, identityId: string): Promise<void> {
    if (!(await setSessionIdentity(db, sessionId, identityId))) throw new AppError("UNAUTHENTICATED");
  }

  async revoke(db: DbOrTx, token: string | undefined): Promise<void> {
    if (token) await revokeSessionByTokenHash(db, sha256Hex(token), this.clock.now().toISOString());
  }
}
