import type { Generated } from "kysely";
import type { Nullable } from "../db/column-types";

/**
 * The hits counted by the rate limits (rate-limit.ts). Column conventions: db/schema.ts.
 */
export interface RateLimitHitsTable {
  id: string;
  bucket: string;
  subject: string;
  created_at: string;
}

export interface RateLimitSubjectsTable {
  bucket: string;
  subject: string;
  /** Login subjects: tries since the last success (a try counts until it succeeds). */
  failures: Generated<number>;
  /** Login subjects: no try is taken before this time. */
  blocked_until: Nullable<string>;
  updated_at: string;
}
