import type { ErrorCode } from "@lnca/contracts";
import type { DbOrTx, Tx } from "../db/database";
import { AppError } from "./app-error";
import { isoAfter } from "./clock";
import { newId } from "./ids";
import {
  deleteStaleRateLimits,
  findHitTimes,
  insertHit,
  lockRateLimitSubject,
  updateBackoff,
} from "./rate-limit.queries";

export interface Window {
  ms: number;
  max: number;
  /** Shown to the user when this window is full, e.g. 「每分钟最多发送 1 条」. */
  label: string;
}

/**
 * Counts events per (bucket, subject) in sliding windows stored in the database, so every server process
 * sees the same counts. Refuses with `code` when any window is full; otherwise records the event. Runs in the
 * caller's transaction, which holds the subject's row from the first statement: concurrent hits of one subject
 * are counted one after another, so a window never lets more through than its max. Callers that take several
 * subjects take them in the same order everywhere (no deadlock).
 */
export async function hitRateLimit(
  trx: Tx,
  opts: { bucket: string; subject: string; windows: readonly Window[]; now: Date; code: ErrorCode },
): Promise<void> {
  await lockRateLimitSubject(trx, opts.bucket, opts.subject, opts.now.toISOString());
  const longest = Math.max(...opts.windows.map((w) => w.ms));
  const rows = await findHitTimes(trx, opts.bucket, opts.subject, new Date(opts.now.getTime() - longest).toISOString());
  for (const window of opts.windows) {
    const from = new Date(opts.now.getTime() - window.ms).toISOString();
    if (rows.filter((r) => r.created_at > from).length >= window.max) {
      throw new AppError(opts.code, `操作过于频繁（${window.label}），请稍后再试`);
    }
  }
  await insertHit(trx, { id: newId(), bucket: opts.bucket, subject: opts.subject, created_at: opts.now.toISOString() });
}

export interface Backoff {
  /** Tries allowed back to back before the first delay. */
  freeTries: number;
  /** The first delay; each further failed try doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * Takes one try of a login subject (e.g. a username at an address) with exponential back-off: a try counts as
 * failed until `forgetTries` says it succeeded; after `freeTries` of them each try must wait twice as long as
 * the one before. Refused tries are not counted. Same locking as `hitRateLimit`.
 */
export async function takeTry(
  trx: Tx,
  opts: { bucket: string; subject: string; backoff: Backoff; now: Date; code: ErrorCode },
): Promise<void> {
  const now = opts.now.toISOString();
  const state = await lockRateLimitSubject(trx, opts.bucket, opts.subject, now);
  if (state.blocked_until && state.blocked_until > now) {
    const seconds = Math.ceil((Date.parse(state.blocked_until) - opts.now.getTime()) / 1000);
    throw new AppError(opts.code, `尝试过于频繁，请 ${seconds} 秒后再试`);
  }
  const failures = state.failures + 1;
  const { freeTries, firstDelayMs, maxDelayMs } = opts.backoff;
  const delay = failures < freeTries ? 0 : Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - freeTries));
  await updateBackoff(trx, opts, {
    failures,
    blocked_until: delay > 0 ? isoAfter(opts.now, delay) : null,
    updated_at: now,
  });
}

/** The subject's last try succeeded: its next tries start again without delay. */
export async function forgetTries(db: DbOrTx, key: { bucket: string; subject: string }, now: Date): Promise<void> {
  await updateBackoff(db, key, { failures: 0, blocked_until: null, updated_at: now.toISOString() });
}

/**
 * No window is longer than a day, so older hits count for nothing; a subject untouched for a day starts afresh
 * (its back-off too, once it has run out). Run by the auth module's timer, so the tables stay small.
 */
export async function purgeStaleRateLimits(db: DbOrTx, now: Date): Promise<void> {
  await deleteStaleRateLimits(db, new Date(now.getTime() - DAY).toISOString(), now.toISOString());
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
