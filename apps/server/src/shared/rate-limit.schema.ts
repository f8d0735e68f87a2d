/**
 * The hits counted by the rate limits (rate-limit.ts). Column conventions: db/schema.ts.
 */
export interface RateLimitHitsTable {
  id: string;
  bucket: string;
  subject: string;
  created_at: string;
}
