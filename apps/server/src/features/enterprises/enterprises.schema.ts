/**
 * Enterprises and the revisions of their information under review. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

export interface EnterprisesTable {
  id: string;
  uscc: string;
  name: string;
  approved_revision_id: Nullable<string>;
  service_point_id: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export type EnterpriseRevisionStatus = "draft" | "pending_review" | "approved" | "rejected" | "superseded";

export interface EnterpriseRevisionsTable {
  id: string;
  enterprise_id: string;
  number: number;
  status: EnterpriseRevisionStatus;
  basic_info: Generated<string>;
  invoicing_info: Generated<string>;
  signing_info: Generated<string>;
  /** JSON: attachment kind → files.id. */
  attachments: Generated<string>;
  /** JSON LicenceComparison: what the licence was read as, beside what was entered. */
  ocr_comparison: Nullable<string>;
  created_by_user_id: string;
  submitted_at: Nullable<string>;
  claimed_by_staff_id: Nullable<string>;
  claimed_at: Nullable<string>;
  reviewed_by_staff_id: Nullable<string>;
  reviewed_at: Nullable<string>;
  review_opinion: Nullable<string>;
  created_at: string;
  updated_at: string;
}
