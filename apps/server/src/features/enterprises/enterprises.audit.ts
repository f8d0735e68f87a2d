import type { EnterpriseAttachmentKind } from "@lnca/contracts";

/** The audit actions of enterprise information and its review (declared here, beside the code that records them). */
declare module "../audit/audit" {
  interface AuditActions {
    "enterprise.revision_started": { enterpriseId: string; number: number; from: string | null };
    "enterprise.revision_saved": { enterpriseId: string; step: "basic" | "invoicing" };
    "enterprise.attachment_uploaded": { enterpriseId: string; kind: EnterpriseAttachmentKind; fileId: string };
    "enterprise.attachment_viewed": { enterpriseId: string; kind: EnterpriseAttachmentKind; fileId: string };
    "enterprise.licence_recognised": { enterpriseId: string; same: number; different: number };
    "enterprise.revision_submitted": { enterpriseId: string; number: number };
    "enterprise.revision_claimed": { enterpriseId: string };
    "enterprise.revision_released": { enterpriseId: string };
    "enterprise.revision_approved": { enterpriseId: string; number: number; supersedes: string | null };
    "enterprise.revision_rejected": { enterpriseId: string; number: number; opinion: string };
    "enterprise.revision_superseded": { enterpriseId: string; by: string };
  }
}
