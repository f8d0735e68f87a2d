import { randomBytes } from "node:crypto";
import { type ChallengePurpose, formatChallenge } from "@lnca/pki";
import type { DbOrTx } from "../../db/database";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { findChallenge, insertChallenge, markChallengeUsed } from "./challenges.queries";

export interface IssuedChallenge {
  challengeId: string;
  challenge: string;
  expiresAt: string;
}

/** One-time login challenges: a random nonce bound to purpose and origin, short-lived, used once. */
export class ChallengeService {
  constructor(
    private readonly db: DbOrTx,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async issue(purpose: ChallengePurpose, origin: string): Promise<IssuedChallenge> {
    const issuedAt = this.clock.now();
    const expiresAt = new Date(issuedAt.getTime() + this.ttlMs);
    const nonce = randomBytes(32).toString("base64url");
    const text = formatChallenge({ purpose, origin, nonce, issuedAt, expiresAt });
    const id = newId();
    await insertChallenge(this.db, {
      id,
      nonce,
      purpose,
      origin,
      challenge_text: text,
      created_at: issuedAt.toISOString(),
      expires_at: expiresAt.toISOString(),
      used_at: null,
    });
    return { challengeId: id, challenge: text, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Uses up a challenge and returns its text. Committed on its own, before the signature is checked, so a
   * challenge is spent even by a failed attempt and can never be replayed.
   */
  async consume(id: string, purpose: ChallengePurpose): Promise<string> {
    const row = await findChallenge(this.db, id);
    if (!row) throw new AppError("CHALLENGE_UNKNOWN");
    const now = this.clock.now().toISOString();
    if (!(await markChallengeUsed(this.db, id, now))) throw new AppError("CHALLENGE_REUSED");
    if (row.expires_at <= now) throw new AppError("CHALLENGE_EXPIRED");
    if (row.purpose !== purpose) throw new AppError("CHALLENGE_WRONG_PURPOSE");
    return row.challenge_text;
  }
}
