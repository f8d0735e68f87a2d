import type { ErrorCode } from "@lnca/contracts";
import type { DbOrTx } from "../db/database";
import { AppError } from "./app-error";
import { newId } from "./ids";

export interface Window {
  ms: number;
  max: number;
  /** Shown to the user when this window is full, e.g. 「每分钟最多发送 1 条」. */
  label: string;
}

/**
 * Counts events per (bucket, subject) in sliding windows stored in the database, so every server process
 * sees the same counts. Refuses with `code` when any window is full; otherwise records the event.
 */
export async function hitRateLimit(
  db: DbOrTx,
  opts: { bucket: string; subject: string; windows: readonly Window[]; now: Date; code: ErrorCode },
): Promise<void> {
  const longest = Math.max(...opts.windows.map((w) => w.ms));
  const since = new Date(opts.now.getTime() - longest).toISOString();
  const rows = await db
    .selectFrom("rate_limit_hits")
    .select("created_at")
    .where("bucket", "=", opts.bucket)
    .where("subject", "=", opts.subject)
    .where("created_at", ">", since)
    .execute();
  for (const window of opts.windows) {
    const from = new Date(opts.now.getTime() - window.ms).toISOString();
    if (rows.filter((r) => r.created_at > from).length >= window.max) {
      throw new AppError(opts.code, `操作过于频繁（${window.label}），请稍后再试`);
    }
  }
  await db
    .insertInto("rate_limit_hits")
    .values({ id: newId(), bucket: opts.bucket, subject: opts.subject, created_at: opts.now.toISOString() })
    .execute();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
