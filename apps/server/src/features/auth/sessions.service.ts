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

/** Width of a session token's time prefix: milliseconds in base 36, zero-padded (sorts as time until 5188). */
const TIME_PREFIX_LENGTH = 9;

/**
 * A new session's token: its creation time, then 256 random bits. Not secret, the prefix only orders the ids:
 * the session's id is that prefix and the token's SHA-256 (`sessionIdOf`), so every new session's key goes at
 * the right edge of the table's primary-key B-tree. Keyed by the hash alone, each login wrote a random leaf
 * page of it into the WAL — 40 % of a CA login's WAL frames (16 logins to a COMMIT).
 */
function newSessionToken(now: Date): string {
  return `${now.getTime().toString(36).padStart(TIME_PREFIX_LENGTH, "0")}.${newSecretToken()}`;
}

/**
 * The session id a token stands for: "<time prefix>.<SHA-256 hex of the token>"; a token without the prefix
 * (issued before it existed) by its SHA-256 alone, as its session was stored. The table never holds a token.
 */
function sessionIdOf(token: string): string {
  return token.indexOf(".") === TIME_PREFIX_LENGTH
    ? `${token.slice(0, TIME_PREFIX_LENGTH)}.${sha256Hex(token)}`
    : sha256Hex(token);
}

/**
 * Sessions live in the database (any server process can answer any request); the browser holds a random
 * token in an httpOnly cookie and the table holds its hash, which with the token's time prefix is the
 * session's id.
 */
export class SessionService {
  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async create(trx: DbOrTx, session: NewSession): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    const token = newSessionToken(now);
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const user = session.subject.kind === "user" ? session.subject : null;
    await insertSession(trx, {
      id: sessionIdOf(token),
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
    const row = await findLiveSessionByTokenHash(db, sessionIdOf(token), this.clock.now().toISOString());
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
    if (token) await revokeSessionByTokenHash(db, sessionIdOf(token), this.clock.now().toISOString());
  }
}
