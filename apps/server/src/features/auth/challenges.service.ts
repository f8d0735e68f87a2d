import { createHmac, timingSafeEqual } from "node:crypto";
import { type ChallengePurpose, challengePurposes, formatChallenge } from "@lnca/pki";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { randomBase64url } from "../../shared/ids";
import { deleteExpiredChallenges, insertUsedChallenge } from "./challenges.queries";

export interface IssuedChallenge {
  challengeId: string;
  challenge: string;
  expiresAt: string;
}

/** The API accepts challenge ids up to this length (caLoginRequestSchema). */
export const MAX_CHALLENGE_ID_LENGTH = 200;
const ID_VERSION = "c1";
const MAC_BYTES = 16;

/** A challenge checked (ours, current, for this purpose) but not yet spent: see ChallengeService.open. */
export interface OpenChallenge {
  id: string;
  /** The exact text that was to be signed. */
  text: string;
  decoded: DecodedChallenge;
}

interface DecodedChallenge {
  purpose: ChallengePurpose;
  origin: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
  text: string;
}

/**
 * One-time login challenges: a random nonce bound to purpose and origin, short-lived, used once.
 *
 * Stateless until used: the challenge id carries what the text is made of (nonce, issue time, lifetime,
 * purpose, origin) and an HMAC of the text under a key derived from SECRET_KEY, so issuing one writes nothing
 * and any server process sharing SECRET_KEY can check it. Single use is kept in the database: consuming
 * inserts the challenge's expiry and nonce into `used_challenges`, whose key lets exactly one insert succeed
 * across all processes (migration 008 says why that key is as strict as a unique nonce). Issuing used to cost an INSERT and its commit, consuming a SELECT + UPDATE; now issuing takes
 * ~15 µs (HMAC + random nonce) and consuming one INSERT — which the CA login makes in the transaction that opens
 * the session (open → spend(trx), or spendAfterFailure when the login fails), so a login commits once. The
 * signing key is the same in every process.
 *
 * Outcomes as before: not ours / tampered / unreadable → CHALLENGE_UNKNOWN; used before → CHALLENGE_REUSED;
 * past its expiry → CHALLENGE_EXPIRED (and spent); issued for another purpose → CHALLENGE_WRONG_PURPOSE.
 */
export class ChallengeService {
  private readonly macKey: Buffer;

  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly ttlMs: number;

  constructor(deps: { database: UnitOfWork; clock: Clock; ttlMs: number; secretKey: string }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.ttlMs = deps.ttlMs;
    const { secretKey } = deps;
    // A key of its own, so a MAC made here means nothing anywhere else SECRET_KEY is used.
    this.macKey = createHmac("sha256", secretKey).update("lnca/login-challenge/v1").digest();
  }

  async issue(purpose: ChallengePurpose, origin: string): Promise<IssuedChallenge> {
    const issuedAt = this.clock.now();
    const expiresAt = new Date(issuedAt.getTime() + this.ttlMs);
    const nonce = randomBase64url(32);
    const text = formatChallenge({ purpose, origin, nonce, issuedAt, expiresAt });
    const challengeId = [
      ID_VERSION,
      nonce,
      issuedAt.getTime().toString(36),
      this.ttlMs.toString(36),
      String(challengePurposes.indexOf(purpose)),
      Buffer.from(origin, "utf8").toString("base64url"),
      this.mac(text),
    ].join(".");
    if (challengeId.length > MAX_CHALLENGE_ID_LENGTH) {
      throw new Error(`origin too long for a login challenge id: ${origin}`);
    }
    return { challengeId, challenge: text, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Uses up a challenge and returns its text. Committed on its own, before the signature is checked, so a
   * challenge is spent even by a failed attempt and can never be replayed.
   */
  async consume(id: string, purpose: ChallengePurpose): Promise<string> {
    const challenge = await this.open(id, purpose);
    await this.spend(this.database.db, challenge);
    return challenge.text;
  }

  /**
   * A challenge to be spent later in the caller's transaction (`spend`), with the same outcomes as consume():
   * not ours → CHALLENGE_UNKNOWN; past its expiry or issued for another purpose → spent now, on its own, and
   * CHALLENGE_EXPIRED / CHALLENGE_WRONG_PURPOSE (CHALLENGE_REUSED when it had been used before). A caller that
   * fails before its transaction commits must call `spendAfterFailure`, so a failed attempt still spends it.
   */
  async open(id: string, purpose: ChallengePurpose): Promise<OpenChallenge> {
    const challenge = this.decode(id);
    if (!challenge) throw new AppError("CHALLENGE_UNKNOWN");
    const open = { id, decoded: challenge };
    const expired = challenge.expiresAt <= this.clock.now();
    if (expired || challenge.purpose !== purpose) {
      await this.spend(this.database.db, open);
      throw new AppError(expired ? "CHALLENGE_EXPIRED" : "CHALLENGE_WRONG_PURPOSE");
    }
    return { id, text: challenge.text, decoded: challenge };
  }

  /**
   * Records the challenge as used, in `db` (the caller's transaction, so it commits with what the login
   * writes); CHALLENGE_REUSED when it was used before — in any process: the nonce is unique and exactly one
   * insert of it succeeds.
   */
  async spend(db: DbOrTx, challenge: Pick<OpenChallenge, "id" | "decoded">): Promise<void> {
    const { decoded } = challenge;
    const first = await insertUsedChallenge(db, {
      expires_at: decoded.expiresAt.toISOString(),
      nonce: decoded.nonce,
    });
    if (!first) throw new AppError("CHALLENGE_REUSED");
  }

  /**
   * After an attempt failed with `error` before its transaction committed (so the challenge is not spent):
   * spends it on its own and returns the error to throw — CHALLENGE_REUSED when it had been used before (as
   * consume() would have said first), else `error` itself.
   */
  async spendAfterFailure(challenge: OpenChallenge, error: unknown): Promise<unknown> {
    if (error instanceof AppError && error.code === "CHALLENGE_REUSED") return error;
    try {
      await this.spend(this.database.db, challenge);
    } catch (spendError) {
      if (spendError instanceof AppError && spendError.code === "CHALLENGE_REUSED") return spendError;
      throw spendError;
    }
    return error;
  }

  /**
   * Forgets used challenges that expired over `graceMs` ago (an expired challenge is refused by its own expiry,
   * so its record is no longer needed to refuse a replay). Returns how many were deleted.
   */
  async purgeExpired(graceMs = 60_000): Promise<number> {
    return deleteExpiredChallenges(this.database.db, new Date(this.clock.now().getTime() - graceMs).toISOString());
  }

  /** The challenge an id stands for, or null when the id is not one this service (with this key) issued. */
  private decode(id: string): DecodedChallenge | null {
    if (id.length > MAX_CHALLENGE_ID_LENGTH) return null;
    const [version, nonce, issued, ttl, purposeIndex, originB64, mac, ...rest] = id.split(".");
    if (version !== ID_VERSION || rest.length > 0) return null;
    if (!nonce || !issued || !ttl || !purposeIndex || !originB64 || !mac) return null;
    if (!/^[0-9a-z]{1,12}$/.test(issued) || !/^[0-9a-z]{1,12}$/.test(ttl) || !/^\d$/.test(purposeIndex)) return null;
    const purpose = challengePurposes[Number(purposeIndex)];
    if (!purpose) return null;
    const issuedAt = new Date(Number.parseInt(issued, 36));
    const expiresAt = new Date(issuedAt.getTime() + Number.parseInt(ttl, 36));
    if (Number.isNaN(expiresAt.getTime())) return null;
    const origin = Buffer.from(originB64, "base64url").toString("utf8");
    const text = formatChallenge({ purpose, origin, nonce, issuedAt, expiresAt });
    const expected = Buffer.from(this.mac(text), "utf8");
    const given = Buffer.from(mac, "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { purpose, origin, nonce, issuedAt, expiresAt, text };
  }

  private mac(text: string): string {
    return createHmac("sha256", this.macKey).update(text, "utf8").digest().subarray(0, MAC_BYTES).toString("base64url");
  }
}
