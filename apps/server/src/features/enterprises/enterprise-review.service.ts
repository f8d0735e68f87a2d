import {
  type EnterpriseAttachmentKind,
  maskMobile,
  type ReviewDetail,
  type ReviewQueueItem,
  type ReviewQueueQuery,
  reviewQueueQuerySchema,
} from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { HOUR } from "../../shared/rate-limit";
import { workingDaysElapsed } from "../../shared/working-days";
import { recordAudit } from "../audit/audit";
import type { SmsService } from "../notifications/sms.service";
import type { Actor } from "../policy/actor";
import { authorize } from "../policy/policy";
import { type RevisionViews, storedBasic } from "./enterprise-revision.view";
import {
  claimRevision,
  findEnterprise,
  findRevision,
  findStaffName,
  findUserContact,
  listDecidedRevisions,
  pageRevisionsForReview,
  type RevisionRow,
  releaseRevision,
  setApprovedRevision,
} from "./enterprise-revisions.queries";
import { enterpriseRevisionMachine } from "./enterprises.states";
import { revisionChanges } from "./revision-changes";

/** The review target: decided by the end of the working day after submission (age ≤ 1, shared/working-days.ts). */
const TARGET_WORKING_DAYS = 1;

/** A claim left undecided this long lapses: another reviewer may take the revision over (and the queue says so). */
const CLAIM_LAPSES_AFTER_MS = 4 * HOUR;

type Reviewer = Extract<Actor, { kind: "staff" }>;

/**
 * 审核队列 (console, reviewers): submitted revisions oldest first with their age in working days; a reviewer
 * claims one (one statement: of two reviewers one wins), sees every field, the attachments, the licence
 * comparison and what changed since the revision in force, and approves or rejects with a 处理意见. A decision
 * goes through the transition step, is audited, and is announced to the applicant by SMS through the outbox.
 */
export class EnterpriseReviewService {
  constructor(private readonly deps: { database: UnitOfWork; clock: Clock; sms: SmsService; views: RevisionViews }) {}

  async queue(
    query: ReviewQueueQuery,
  ): Promise<{ items: ReviewQueueItem[]; total: number; page: number; pageSize: number }> {
    const q = reviewQueueQuerySchema.parse(query);
    const { items, total } = await pageRevisionsForReview(this.deps.database.db, q);
    const now = this.deps.clock.now();
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: items.map((r) => {
        const waiting = this.waiting(
          r.submitted_at,
          r.status === "pending_review" ? now : new Date(r.reviewed_at ?? now),
        );
        return {
          revisionId: r.id,
          enterpriseId: r.enterprise_id,
          enterpriseName: r.enterprise_name,
          uscc: r.uscc,
          number: r.number,
          status: r.status,
          submittedAt: r.submitted_at ?? "",
          ...waiting,
          isChange: r.approved_revision_id !== null && r.approved_revision_id !== r.id,
          claim: this.liveClaim(r.claimed_by_staff_id, r.claimed_at, r.claimer_name ?? "", now),
          reviewedAt: r.reviewed_at,
          reviewerName: r.reviewer_name,
        };
      }),
    };
  }

  async detail(revisionId: string): Promise<ReviewDetail> {
    return this.describe(this.deps.database.db, await this.submitted(this.deps.database.db, revisionId));
  }

  async claim(actor: Reviewer, revisionId: string): Promise<ReviewDetail> {
    const { database, clock } = this.deps;
    await database.transaction(async (trx) => {
      const revision = await this.submitted(trx, revisionId);
      if (revision.status !== "pending_review") throw new AppError("REVIEW_NOT_PENDING");
      const now = clock.now();
      const lapsedBefore = new Date(now.getTime() - CLAIM_LAPSES_AFTER_MS).toISOString();
      if (!(await claimRevision(trx, revisionId, { staffId: actor.staffId, at: now.toISOString(), lapsedBefore }))) {
        const holder = revision.claimed_by_staff_id && (await findStaffName(trx, revision.claimed_by_staff_id));
        throw new AppError(
          "REVIEW_CLAIMED_BY_OTHER",
          holder ? `该企业信息已由审核员 ${holder.display_name} 领取` : undefined,
        );
      }
      await recordAudit(
        trx,
        actor,
        "enterprise.revision_claimed",
        entityOf(revision),
        { enterpriseId: revision.enterprise_id },
        now,
      );
    });
    return this.detail(revisionId);
  }

  async release(actor: Reviewer, revisionId: string): Promise<ReviewDetail> {
    const { database, clock } = this.deps;
    await database.transaction(async (trx) => {
      const revision = await this.submitted(trx, revisionId);
      authorize(actor, "console.enterprise_review.decide", { claimedByStaffId: revision.claimed_by_staff_id });
      await releaseRevision(trx, revisionId, actor.staffId);
      await recordAudit(
        trx,
        actor,
        "enterprise.revision_released",
        entityOf(revision),
        { enterpriseId: revision.enterprise_id },
        clock.now(),
      );
    });
    return this.detail(revisionId);
  }

  /** 审核通过: this revision comes into force; the one it replaces is superseded (kept, as every revision). */
  async approve(actor: Reviewer, revisionId: string): Promise<ReviewDetail> {
    return this.decide(actor, revisionId, async (trx, revision, now) => {
      const enterprise = await findEnterprise(trx, revision.enterprise_id);
      if (!enterprise) throw new AppError("ENTERPRISE_NOT_FOUND");
      const previous = enterprise.approved_revision_id;
      await transition(trx, enterpriseRevisionMachine, {
        id: revision.id,
        from: "pending_review",
        to: "approved",
        set: this.decision(actor, now, null),
        audit: {
          actor,
          action: "enterprise.revision_approved",
          data: { enterpriseId: enterprise.id, number: revision.number, supersedes: previous },
        },
        at: now,
      });
      if (previous) {
        await transition(trx, enterpriseRevisionMachine, {
          id: previous,
          from: "approved",
          to: "superseded",
          set: { updated_at: now.toISOString() },
          audit: {
            actor,
            action: "enterprise.revision_superseded",
            data: { enterpriseId: enterprise.id, by: revision.id },
          },
          at: now,
        });
      }
      const name = storedBasic(revision)?.name ?? enterprise.name;
      await setApprovedRevision(trx, enterprise.id, {
        approved_revision_id: revision.id,
        name,
        updated_at: now.toISOString(),
      });
      return { enterpriseName: name, result: "审核通过，现可申请 CA 数字证书延期" };
    });
  }

  /** 审核不通过, with the 处理意见 the applicant reads on the page and in the SMS. */
  async reject(actor: Reviewer, revisionId: string, opinion: string): Promise<ReviewDetail> {
    return this.decide(actor, revisionId, async (trx, revision, now) => {
      const enterprise = await findEnterprise(trx, revision.enterprise_id);
      await transition(trx, enterpriseRevisionMachine, {
        id: revision.id,
        from: "pending_review",
        to: "rejected",
        set: this.decision(actor, now, opinion),
        audit: {
          actor,
          action: "enterprise.revision_rejected",
          data: { enterpriseId: revision.enterprise_id, number: revision.number, opinion },
        },
        at: now,
      });
      return {
        enterpriseName: enterprise?.name ?? "",
        result: `审核不通过，处理意见：${opinion}。请登录平台修改后重新提交审核`,
      };
    });
  }

  /** A submitted revision's attachment for the reviewers (personal scans included); every view audited. */
  async attachment(actor: Actor, revisionId: string, kind: EnterpriseAttachmentKind) {
    const revision = await this.submitted(this.deps.database.db, revisionId);
    return this.deps.views.openAttachment(actor, revision, kind);
  }

  private async decide(
    actor: Reviewer,
    revisionId: string,
    change: (trx: DbOrTx, revision: RevisionRow, now: Date) => Promise<{ enterpriseName: string; result: string }>,
  ): Promise<ReviewDetail> {
    const { database, clock, sms } = this.deps;
    await database.transaction(async (trx) => {
      const revision = await this.submitted(trx, revisionId);
      if (revision.status !== "pending_review") throw new AppError("REVIEW_NOT_PENDING");
      if (revision.claimed_by_staff_id === null) throw new AppError("REVIEW_NOT_CLAIMED");
      authorize(actor, "console.enterprise_review.decide", { claimedByStaffId: revision.claimed_by_staff_id });
      const now = clock.now();
      const announced = await change(trx, revision, now);
      const applicant = await findUserContact(trx, revision.created_by_user_id);
      if (applicant) {
        await sms.queue(trx, applicant.mobile, "enterprise_review_decision", {
          enterprise: announced.enterpriseName,
          result: announced.result,
        });
      }
    });
    // Read after the commit: a view reads the catalog (its own connection), never inside the transaction.
    return this.detail(revisionId);
  }

  private decision(actor: Reviewer, now: Date, opinion: string | null) {
    return {
      reviewed_by_staff_id: actor.staffId,
      reviewed_at: now.toISOString(),
      review_opinion: opinion,
      updated_at: now.toISOString(),
    };
  }

  /** A revision that reached the reviewers (a draft is nobody's business but its enterprise's). */
  private async submitted(db: DbOrTx, revisionId: string): Promise<RevisionRow> {
    const revision = await findRevision(db, revisionId);
    if (!revision || revision.status === "draft") throw new AppError("REVISION_NOT_FOUND");
    return revision;
  }

  /** The claim as shown: a lapsed one is no claim (any reviewer may take the revision). */
  private liveClaim(staffId: string | null, claimedAt: string | null, staffName: string, now: Date) {
    if (!staffId || !claimedAt || Date.parse(claimedAt) < now.getTime() - CLAIM_LAPSES_AFTER_MS) return null;
    return { staffId, staffName, claimedAt };
  }

  private waiting(submittedAt: string | null, until: Date) {
    const days = submittedAt ? workingDaysElapsed(new Date(submittedAt), until) : 0;
    return { workingDaysWaiting: days, overdue: days > TARGET_WORKING_DAYS };
  }

  private async describe(db: DbOrTx, revision: RevisionRow): Promise<ReviewDetail> {
    const { views, clock } = this.deps;
    const enterprise = await findEnterprise(db, revision.enterprise_id);
    if (!enterprise) throw new AppError("ENTERPRISE_NOT_FOUND");
    const view = await views.revision(db, revision, { revealPersonal: true });
    const inForceId = enterprise.approved_revision_id;
    const inForce = inForceId && inForceId !== revision.id ? await findRevision(db, inForceId) : undefined;
    const applicant = await findUserContact(db, revision.created_by_user_id);
    const claimer = revision.claimed_by_staff_id ? await findStaffName(db, revision.claimed_by_staff_id) : undefined;
    const pending = revision.status === "pending_review";
    const history = (await listDecidedRevisions(db, enterprise.id)).filter((h) => h.id !== revision.id);
    return {
      enterprise: { id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc },
      revision: view,
      submittedBy: { name: applicant?.name ?? null, mobileMasked: applicant ? maskMobile(applicant.mobile) : "***" },
      ...this.waiting(revision.submitted_at, pending ? clock.now() : new Date(revision.reviewed_at ?? clock.now())),
      claim: this.liveClaim(
        revision.claimed_by_staff_id,
        revision.claimed_at,
        claimer?.display_name ?? "",
        clock.now(),
      ),
      changes:
        inForce && pending ? revisionChanges(await views.revision(db, inForce, { revealPersonal: true }), view) : null,
      history: history.map((h) => ({
        revisionId: h.id,
        number: h.number,
        status: h.status,
        reviewedAt: h.reviewed_at,
        reviewerName: h.reviewer_name,
        reviewOpinion: h.review_opinion,
      })),
    };
  }
}

const entityOf = (revision: { id: string }) => ({ kind: "enterprise_revision", id: revision.id });
