/**
 * Jobs run after commit by the outbox worker. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export type OutboxJobStatus = "pending" | "running" | "done" | "dead";

export interface OutboxJobsTable {
  id: string;
  kind: string;
  payload: string;
  status: OutboxJobStatus;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: string;
  locked_until: Nullable<string>;
  locked_by: Nullable<string>;
  last_error: Nullable<string>;
  dedupe_key: Nullable<string>;
  created_at: string;
  updated_at: string;
}
