/**
 * The audit log. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: "user" | "staff" | "system" | "platform" | "anonymous";
  actor_id: Nullable<string>;
  action: string;
  entity_kind: string;
  entity_id: Nullable<string>;
  data: Generated<string>;
  ip: Nullable<string>;
}
