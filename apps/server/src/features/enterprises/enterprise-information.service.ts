import {
  type BasicInfo,
  ENTERPRISE_ATTACHMENT_MAX_BYTES,
  ENTERPRISE_ATTACHMENTS,
  type EnterpriseAttachmentKind,
  type EnterpriseInformation,
  type InvoicingInfo,
  type LicenceComparison,
} from "@lnca/contracts";
import type { DbOrTx, Tx } from "../../db/database";
import { isUniqueViolation } from "../../db/unique-violation";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import type { PersonalDataVault } from "../../shared/personal-data";
import { recordAudit } from "../audit/audit";
import type { CatalogService } from "../catalog/catalog.service";
import type { FileStore } from "../files/files.service";
import type { LicenceRecognitionService } from "../licences/licences.service";
import type { Actor } from "../policy/actor";
import { authorize, can } from "../policy/policy";
import { attachmentPurpose, validBasicInfo, validInvoicingInfo } from "./enterprise-info.validation";
import {
  comparisonOf,
  missingParts,
  openBasicInfo,
  type RevisionViews,
  sealBasicInfo,
  storedAttachments,
  storedBasic,
} from "./enterprise-revision.view";
import {
  findEnterprise,
  findLatestRevision,
  findRevision,
  insertRevision,
  type RevisionRow,
  updateDraft,
} from "./enterprise-revisions.queries";
import { enterpriseRevisionMachine } from "./enterprises.states";
import type { renderSealCollectionForm } from "./seal-form/seal-collection-form";

/** Fills the 电子签章印模采集表 PDF (seal-form/seal-collection-form.ts). */
export type SealFormRenderer = typeof renderSealCollectionForm;

type DraftContent = Partial<Pick<RevisionRow, "basic_info" | "invoicing_info" | "attachments" | "ocr_comparison">>;

/**
 * 【企业信息】 and 【编辑企业信息】 (J3): the administrator fills the three steps into the enterprise's one draft
 * (kept between visits), has the licence recognised and compared, downloads the 电子签章印模采集表 and submits.
 * A draft starts as a copy of the latest revision, so a rejected or approved one is never changed: it stays
 * as it was decided, and the approved one stays in force until the new one is approved.
 */
export class EnterpriseInformationService {
  constructor(
    private readonly deps: {
      database: UnitOfWork;
      clock: Clock;
      vault: PersonalDataVault;
      files: FileStore;
      catalog: CatalogService;
      licences: LicenceRecognitionService;
      renderSealForm: SealFormRenderer;
      views: RevisionViews;
    },
  ) {}

  async read(actor: Actor, enterpriseId: string): Promise<EnterpriseInformation> {
    const enterprise = await this.enterprise(this.deps.database.db, enterpriseId);
    authorize(actor, "enterprise.information.read", enterprise);
    return this.information(this.deps.database.db, actor, enterprise);
  }

  async saveBasic(actor: Actor, enterpriseId: string, input: BasicInfo): Promise<EnterpriseInformation> {
    const servicePointCodes = (await this.deps.catalog.servicePoints()).map((p) => p.code);
    return this.editDraft(actor, enterpriseId, async (_draft, enterprise, trx, now) => {
      const basic = validBasicInfo(input, { uscc: enterprise.uscc, servicePointCodes });
      await recordAudit(
        trx,
        actor,
        "enterprise.revision_saved",
        entityOf(_draft),
        { enterpriseId, step: "basic" },
        now,
      );
      return { basic_info: JSON.stringify(sealBasicInfo(this.deps.vault, basic)) };
    });
  }

  async saveInvoicing(actor: Actor, enterpriseId: string, input: InvoicingInfo): Promise<EnterpriseInformation> {
    return this.editDraft(actor, enterpriseId, async (draft, _enterprise, trx, now) => {
      const invoicing = validInvoicingInfo(input);
      await recordAudit(
        trx,
        actor,
        "enterprise.revision_saved",
        entityOf(draft),
        { enterpriseId, step: "invoicing" },
        now,
      );
      return { invoicing_info: JSON.stringify(invoicing) };
    });
  }

  /** Refuses before an upload is read: only the enterprise's administrator sends attachments. */
  async assertMayEdit(actor: Actor, enterpriseId: string): Promise<void> {
    authorize(actor, "enterprise.information.edit", await this.enterprise(this.deps.database.db, enterpriseId));
  }

  /** An attachment, checked by its bytes; the legal representative's ID scans are stored sealed. */
  async attach(
    actor: Actor,
    enterpriseId: string,
    kind: EnterpriseAttachmentKind,
    upload: { bytes: Buffer; fileName: string | null },
  ): Promise<EnterpriseInformation> {
    const enterprise = await this.enterprise(this.deps.database.db, enterpriseId);
    authorize(actor, "enterprise.information.edit", enterprise);
    const spec = ENTERPRISE_ATTACHMENTS[kind];
    const file = await this.deps.files.put({
      bytes: upload.bytes,
      allowed: spec.mediaTypes,
      maxBytes: ENTERPRISE_ATTACHMENT_MAX_BYTES,
      purpose: attachmentPurpose(kind),
      originalName: upload.fileName,
      userId: actor.kind === "user" ? actor.userId : null,
      sealed: spec.personal,
      now: this.deps.clock.now(),
    });
    return this.editDraft(actor, enterpriseId, async (draft, _enterprise, trx, now) => {
      await this.deps.files.record(trx, file);
      await recordAudit(
        trx,
        actor,
        "enterprise.attachment_uploaded",
        entityOf(draft),
        { enterpriseId, kind, fileId: file.id },
        now,
      );
      const attachments = { ...storedAttachments(draft), [kind]: file.id };
      // A new licence is a new picture: what was read from the old one no longer describes it.
      return {
        attachments: JSON.stringify(attachments),
        ...(kind === "businessLicence" ? { ocr_comparison: null } : {}),
      };
    });
  }

  /**
   * 【下一步】 of step 1: the draft's licence is read (by the licences feature: rate-limited, off the event
   * loop) and compared with what was entered; the result is kept on the draft for the reviewer.
   */
  async recognise(actor: Actor, enterpriseId: string): Promise<LicenceComparison> {
    const { database, clock } = this.deps;
    const enterprise = await this.enterprise(database.db, enterpriseId);
    authorize(actor, "enterprise.information.edit", enterprise);
    const draft = await findLatestRevision(database.db, enterpriseId);
    const licenceId = draft?.status === "draft" ? storedAttachments(draft).businessLicence : undefined;
    const licence = licenceId ? await this.deps.files.describe(database.db, licenceId) : undefined;
    const bytes = licence ? await this.deps.files.read(licence) : null;
    if (!draft || !bytes) throw new AppError("BUSINESS_LICENCE_REQUIRED");
    const fields = await this.deps.licences.recognise(actor, bytes);
    const recognition = { recognisedAt: clock.now().toISOString(), fields };
    await this.editDraft(actor, enterpriseId, async (current, _e, trx, now) => {
      if (storedAttachments(current).businessLicence !== licenceId) throw new AppError("STATE_CONFLICT");
      const comparison = comparisonOf({ ...current, ocr_comparison: JSON.stringify(recognition) });
      const same = comparison?.rows.filter((r) => r.same).length ?? 0;
      await recordAudit(
        trx,
        actor,
        "enterprise.licence_recognised",
        entityOf(current),
        { enterpriseId, same, different: (comparison?.rows.length ?? 0) - same },
        now,
      );
      return { ocr_comparison: JSON.stringify(recognition) };
    });
    const saved = await findRevision(database.db, draft.id);
    const comparison = saved && comparisonOf(saved);
    if (!comparison) throw new AppError("STATE_CONFLICT");
    return comparison;
  }

  /** 【下载】 the 电子签章印模采集表, filled with the draft's (or else the latest) basic information. */
  async sealForm(actor: Actor, enterpriseId: string): Promise<Uint8Array> {
    const { database, clock } = this.deps;
    const enterprise = await this.enterprise(database.db, enterpriseId);
    authorize(actor, "enterprise.information.edit", enterprise);
    const latest = await findLatestRevision(database.db, enterpriseId);
    const stored = latest && storedBasic(latest);
    const basic = stored ? openBasicInfo(this.deps.vault, stored) : null;
    const points = await this.deps.catalog.servicePoints();
    return this.deps.renderSealForm({
      enterpriseName: basic?.name ?? enterprise.name,
      uscc: enterprise.uscc,
      legalRepresentative: basic?.legalRepresentative ?? "",
      address: basic?.address ?? "",
      legalRepresentativeMobile: basic?.legalRepresentativeMobile,
      servicePointName: points.find((p) => p.code === basic?.servicePointCode)?.name,
      generatedAt: clock.now(),
    });
  }

  /** 【提交审核】 →【确定】: the draft, complete, goes to the review queue (待审核). */
  async submit(actor: Actor, enterpriseId: string): Promise<EnterpriseInformation> {
    const { database, clock } = this.deps;
    const enterprise = await this.enterprise(database.db, enterpriseId);
    authorize(actor, "enterprise.information.edit", enterprise);
    await database.transaction(async (trx) => {
      const draft = await findLatestRevision(trx, enterpriseId);
      if (draft?.status === "pending_review") throw new AppError("ENTERPRISE_INFO_UNDER_REVIEW");
      if (draft?.status !== "draft")
        throw new AppError("ENTERPRISE_INFO_INCOMPLETE", undefined, { missing: ["单位基本信息"] });
      const missing = missingParts(draft);
      if (missing.length > 0) {
        throw new AppError("ENTERPRISE_INFO_INCOMPLETE", `企业信息尚未填写完整：${missing.join("、")}`, { missing });
      }
      const now = clock.now();
      await transition(trx, enterpriseRevisionMachine, {
        id: draft.id,
        from: "draft",
        to: "pending_review",
        set: {
          submitted_at: now.toISOString(),
          claimed_by_staff_id: null,
          claimed_at: null,
          updated_at: now.toISOString(),
        },
        audit: { actor, action: "enterprise.revision_submitted", data: { enterpriseId, number: draft.number } },
        at: now,
      });
    });
    return this.information(database.db, actor, enterprise);
  }

  /** An attachment of one of the enterprise's revisions, for its administrator; every view is audited. */
  async attachment(
    actor: Actor,
    enterpriseId: string,
    revisionId: string,
    kind: EnterpriseAttachmentKind,
  ): Promise<{ bytes: Buffer; mediaType: string }> {
    const enterprise = await this.enterprise(this.deps.database.db, enterpriseId);
    authorize(actor, "enterprise.information.edit", enterprise);
    const revision = await findRevision(this.deps.database.db, revisionId);
    if (!revision || revision.enterprise_id !== enterpriseId) throw new AppError("REVISION_NOT_FOUND");
    return this.deps.views.openAttachment(actor, revision, kind);
  }

  private async enterprise(db: DbOrTx, enterpriseId: string) {
    const enterprise = await findEnterprise(db, enterpriseId);
    if (!enterprise) throw new AppError("ENTERPRISE_NOT_FOUND");
    return enterprise;
  }

  private async information(db: DbOrTx, actor: Actor, enterprise: Enterprise): Promise<EnterpriseInformation> {
    const canEdit = can(actor, "enterprise.information.edit", enterprise);
    const latest = await findLatestRevision(db, enterprise.id);
    const inForce = enterprise.approved_revision_id
      ? await findRevision(db, enterprise.approved_revision_id)
      : undefined;
    const view = (row: RevisionRow) => this.deps.views.revision(db, row, { revealPersonal: canEdit });
    return {
      enterprise: { id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc },
      status: latest?.status ?? "none",
      inForce: inForce ? await view(inForce) : null,
      latest: latest ? await view(latest) : null,
      canEdit: canEdit && latest?.status !== "pending_review",
    };
  }

  /**
   * Changes the enterprise's draft, starting one (a copy of the latest revision) when there is none; refused
   * while a revision is under review. One transaction: the change, its audit, and the draft's row.
   */
  private async editDraft(
    actor: Actor,
    enterpriseId: string,
    change: (draft: RevisionRow, enterprise: Enterprise, trx: Tx, now: Date) => Promise<DraftContent>,
  ): Promise<EnterpriseInformation> {
    const { database, clock } = this.deps;
    const enterprise = await this.enterprise(database.db, enterpriseId);
    authorize(actor, "enterprise.information.edit", enterprise);
    try {
      await database.transaction(async (trx) => {
        const now = clock.now();
        const latest = await findLatestRevision(trx, enterpriseId);
        if (latest?.status === "pending_review") throw new AppError("ENTERPRISE_INFO_UNDER_REVIEW");
        const draft = latest?.status === "draft" ? latest : await this.startDraft(trx, actor, enterprise, latest, now);
        const set = await change(draft, enterprise, trx, now);
        if (!(await updateDraft(trx, draft.id, { ...set, updated_at: now.toISOString() }))) {
          throw new AppError("STATE_CONFLICT");
        }
      });
    } catch (error) {
      // Two first saves at once: the one-open-revision index lets one draft in; the other is told to retry.
      if (isUniqueViolation(error)) throw new AppError("STATE_CONFLICT");
      throw error;
    }
    // Read after the commit: a view reads the catalog (its own connection), never inside the transaction.
    return this.information(database.db, actor, enterprise);
  }

  private async startDraft(
    trx: Tx,
    actor: Actor,
    enterprise: Enterprise,
    from: RevisionRow | undefined,
    now: Date,
  ): Promise<RevisionRow> {
    if (actor.kind !== "user") throw new AppError("FORBIDDEN");
    const at = now.toISOString();
    const row = {
      id: newId(),
      enterprise_id: enterprise.id,
      number: (from?.number ?? 0) + 1,
      status: "draft" as const,
      basic_info: from?.basic_info ?? "{}",
      invoicing_info: from?.invoicing_info ?? "{}",
      signing_info: "{}",
      attachments: from?.attachments ?? "{}",
      ocr_comparison: from?.ocr_comparison ?? null,
      created_by_user_id: actor.userId,
      submitted_at: null,
      claimed_by_staff_id: null,
      claimed_at: null,
      reviewed_by_staff_id: null,
      reviewed_at: null,
      review_opinion: null,
      created_at: at,
      updated_at: at,
    };
    await insertRevision(trx, row);
    await recordAudit(
      trx,
      actor,
      "enterprise.revision_started",
      { kind: "enterprise_revision", id: row.id },
      { enterpriseId: enterprise.id, number: row.number, from: from?.id ?? null },
      now,
    );
    return row;
  }
}

type Enterprise = NonNullable<Awaited<ReturnType<typeof findEnterprise>>>;

const entityOf = (revision: { id: string }) => ({ kind: "enterprise_revision", id: revision.id });
