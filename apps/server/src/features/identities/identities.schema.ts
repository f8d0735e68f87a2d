/**
 * A user's roles in enterprises or as an individual. Column conventions: db/schema.ts.
 */
import type { Nullable } from "../../db/column-types";

export type IdentityRole = "admin" | "project_lead" | "authorized_agent" | "individual";

export type IdentityStatus = "pending" | "active" | "rejected" | "revoked";

export interface IdentitiesTable {
  id: string;
  user_id: string;
  enterprise_id: Nullable<string>;
  role: IdentityRole;
  status: IdentityStatus;
  decided_by_user_id: Nullable<string>;
  decided_at: Nullable<string>;
  /** An administrator application is decided by the operator. */
  decided_by_staff_id: Nullable<string>;
  /** Why it was rejected (the applicant is told). */
  decision_reason: Nullable<string>;
  created_at: string;
  updated_at: string;
}
