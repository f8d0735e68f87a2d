import { z } from "zod";
import { pageOf, pageQuerySchema } from "./console";
import { enterpriseAttachmentKindSchema, enterpriseRevisionSchema, revisionStatusSchema } from "./enterprise-info";

/**
 * 审核队列 (operator console, reviewer role): submitted revisions in order of submission, their age in working
 * days against the one-working-day target, claimed by one reviewer at a time, approved or rejected with 处理意见.
 */

export const reviewQueueQuerySchema = pageQuerySchema.extend({
  /** `pending_review` (the default) is the queue; the others are the decided history. */
  status: z.enum(["pending_review", "approved", "rejected"]).default("pending_review"),
  /** Part of the enterprise's name or USCC. */
  search: z.string().trim().max(100).optional(),
});
export type ReviewQueueQuery = z.input<typeof reviewQueueQuerySchema>;

export const reviewClaimSchema = z.object({
  staffId: z.string(),
  staffName: z.string(),
  claimedAt: z.string(),
});

export const reviewQueueItemSchema = z.object({
  revisionId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  number: z.number().int(),
  status: revisionStatusSchema,
  submittedAt: z.string(),
  /** Whole working days since submission (official holidays and make-up working days counted). */
  workingDaysWaiting: z.number().int(),
  /** Past the one-working-day target. */
  overdue: z.boolean(),
  /** Whether an approved revision is already in force (this one then changes it). */
  isChange: z.boolean(),
  claim: reviewClaimSchema.nullable(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;
export const reviewQueuePageSchema = pageOf(reviewQueueItemSchema);

/** One field that differs from the revision in force (absent when there is none: a first submission). */
export const revisionChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type RevisionChange = z.infer<typeof revisionChangeSchema>;

export const reviewDetailSchema = z.object({
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string() }),
  revision: enterpriseRevisionSchema,
  submittedBy: z.object({ name: z.string().nullable(), mobileMasked: z.string() }),
  workingDaysWaiting: z.number().int(),
  overdue: z.boolean(),
  claim: reviewClaimSchema.nullable(),
  /** Differences from the approved revision in force; null for a first submission. */
  changes: z.array(revisionChangeSchema).nullable(),
  /** The enterprise's earlier decided revisions, newest first (number, status, opinion, who, when). */
  history: z.array(
    z.object({
      revisionId: z.string(),
      number: z.number().int(),
      status: revisionStatusSchema,
      reviewedAt: z.string().nullable(),
      reviewerName: z.string().nullable(),
      reviewOpinion: z.string().nullable(),
    }),
  ),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const revisionIdParamsSchema = z.object({ revisionId: z.uuid() });
export const reviewAttachmentParamsSchema = z.object({ revisionId: z.uuid(), kind: enterpriseAttachmentKindSchema });

/** 审核不通过 always says why: the applicant reads the 处理意见 on the page and in the SMS. */
export const reviewRejectionSchema = z.object({ opinion: z.string().trim().min(2).max(500) });
