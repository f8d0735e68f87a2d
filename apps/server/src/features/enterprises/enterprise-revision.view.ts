import {
  type Attachment,
  type BasicInfo,
  COMPARED_FIELD_NAMES,
  type ComparedField,
  ENTERPRISE_ATTACHMENTS,
  type EnterpriseAttachmentKind,
  type EnterpriseRevision,
  formatYuan,
  type InvoicingInfo,
  type LicenceComparison,
  type LicenceFieldsView,
  maskIdNumber,
  parsePrintedAmount,
} from "@lnca/contracts";
import { divisionNames } from "@lnca/contracts/divisions";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { PersonalDataVault } from "../../shared/personal-data";
import { recordAudit } from "../audit/audit";
import type { CatalogService } from "../catalog/catalog.service";
import type { FileStore } from "../files/files.service";
import type { Actor } from "../policy/actor";
import { findFilesByIds, type RevisionRow } from "./enterprise-revisions.queries";

/** Step 1 as a revision keeps it: the legal representative's ID number sealed (PIPL), with its mask beside it. */
export type StoredBasicInfo = Omit<BasicInfo, "legalRepresentativeIdNumber"> & {
  legalRepresentativeIdNumberSealed: string;
  legalRepresentativeIdNumberMasked: string;
};
export type StoredAttachments = Partial<Record<EnterpriseAttachmentKind, string>>;
export interface StoredRecognition {
  recognisedAt: string;
  fields: LicenceFieldsView;
}

const ID_NUMBER_LABEL = "enterprise_revisions.legal_representative_id_number";

export function sealBasicInfo(vault: PersonalDataVault, basic: BasicInfo): StoredBasicInfo {
  const { legalRepresentativeIdNumber, ...rest } = basic;
  return {
    ...rest,
    legalRepresentativeIdNumberSealed: vault.sealText(legalRepresentativeIdNumber, ID_NUMBER_LABEL),
    legalRepresentativeIdNumberMasked:
      basic.legalIdType === "id_card"
        ? maskIdNumber(legalRepresentativeIdNumber)
        : maskOther(legalRepresentativeIdNumber),
  };
}

export function openBasicInfo(vault: PersonalDataVault, stored: StoredBasicInfo): BasicInfo {
  const { legalRepresentativeIdNumberSealed, legalRepresentativeIdNumberMasked: _, ...rest } = stored;
  return { ...rest, legalRepresentativeIdNumber: vault.openText(legalRepresentativeIdNumberSealed, ID_NUMBER_LABEL) };
}

function withoutIdNumber(stored: StoredBasicInfo) {
  const { legalRepresentativeIdNumberSealed: _, ...rest } = stored;
  return { ...rest, legalRepresentativeIdNumber: null };
}

const maskOther = (v: string) => (v.length > 4 ? `${v.slice(0, 2)}${"*".repeat(v.length - 4)}${v.slice(-2)}` : "***");

/** A JSON column of a revision; `{}` (the column's default) is "not filled in yet". */
export function readJson<T>(text: string | null): T | null {
  if (!text) return null;
  const value = JSON.parse(text) as T;
  return value && typeof value === "object" && Object.keys(value).length > 0 ? value : null;
}

export const storedBasic = (row: RevisionRow) => readJson<StoredBasicInfo>(row.basic_info);
export const storedInvoicing = (row: RevisionRow) => readJson<InvoicingInfo>(row.invoicing_info);
export const storedAttachments = (row: RevisionRow) => readJson<StoredAttachments>(row.attachments) ?? {};
export const storedRecognition = (row: RevisionRow) => readJson<StoredRecognition>(row.ocr_comparison);

/** What 【提交审核】 still needs, in the order of the form. */
export function missingParts(row: RevisionRow): string[] {
  const attachments = storedAttachments(row);
  const missing: string[] = [];
  if (!storedBasic(row)) missing.push("单位基本信息");
  if (!storedInvoicing(row)) missing.push("开票信息");
  for (const [kind, spec] of Object.entries(ENTERPRISE_ATTACHMENTS)) {
    if (!attachments[kind as EnterpriseAttachmentKind]) missing.push(spec.label);
  }
  return missing;
}

// Spaces and the two widths of brackets are how the same name is typed differently, not a difference.
const normalise = (v: string) => v.replace(/\s/g, "").replace(/（/g, "(").replace(/）/g, ")").toUpperCase();

/** The guide's figure 3: each compared field, entered beside recognised; green (same) or red. */
export function compareWithLicence(basic: BasicInfo | StoredBasicInfo | null, fields: LicenceFieldsView) {
  const entered: Record<ComparedField, string | null> = {
    name: basic?.name ?? null,
    uscc: basic?.uscc ?? null,
    legalRepresentative: basic?.legalRepresentative ?? null,
    address: basic?.address ?? null,
    registeredCapital: basic ? `${formatYuan(basic.registeredCapitalFen)} 元` : null,
  };
  return (Object.keys(COMPARED_FIELD_NAMES) as ComparedField[]).map((field) => {
    const recognised = fields[field];
    const same =
      basic !== null &&
      recognised !== null &&
      (field === "registeredCapital"
        ? parsePrintedAmount(recognised) === basic.registeredCapitalFen
        : normalise(recognised) === normalise(entered[field] ?? ""));
    return { field, label: COMPARED_FIELD_NAMES[field], entered: entered[field], recognised, same };
  });
}

export function comparisonOf(row: RevisionRow): LicenceComparison | null {
  const recognition = storedRecognition(row);
  if (!recognition) return null;
  return { ...recognition, rows: compareWithLicence(storedBasic(row), recognition.fields) };
}

/**
 * Revisions as answered, and their attachments as served. The legal representative's ID number is given in
 * full only when `revealPersonal` (the enterprise's administrator, who entered it, and the reviewers); everyone
 * else gets the mask. Every view of an attachment is audited before its bytes leave.
 */
export class RevisionViews {
  constructor(
    private readonly deps: {
      database: UnitOfWork;
      vault: PersonalDataVault;
      files: FileStore;
      catalog: CatalogService;
    },
  ) {}

  async revision(db: DbOrTx, row: RevisionRow, options: { revealPersonal: boolean }): Promise<EnterpriseRevision> {
    const basic = storedBasic(row);
    const attachmentIds = storedAttachments(row);
    const files = new Map((await findFilesByIds(db, Object.values(attachmentIds))).map((f) => [f.id, f] as const));
    const attachments = Object.fromEntries(
      (Object.keys(ENTERPRISE_ATTACHMENTS) as EnterpriseAttachmentKind[]).map((kind) => {
        const id = attachmentIds[kind];
        const file = id ? files.get(id) : undefined;
        const view: Attachment | null = file
          ? {
              mediaType: file.media_type,
              sizeBytes: file.size_bytes,
              fileName: file.original_name,
              uploadedAt: file.created_at,
            }
          : null;
        return [kind, view];
      }),
    ) as Record<EnterpriseAttachmentKind, Attachment | null>;
    const points = await this.deps.catalog.servicePoints();
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      basic: basic && {
        ...(options.revealPersonal ? openBasicInfo(this.deps.vault, basic) : withoutIdNumber(basic)),
        legalRepresentativeIdNumberMasked: basic.legalRepresentativeIdNumberMasked,
        servicePointName: points.find((p) => p.code === basic.servicePointCode)?.name ?? null,
        registeredRegionNames: divisionNames(basic.registeredRegion) ?? [],
        companyRegionNames: basic.companyRegion ? (divisionNames(basic.companyRegion) ?? []) : null,
      },
      invoicing: storedInvoicing(row),
      attachments,
      recognition: comparisonOf(row),
      missing: missingParts(row),
      submittedAt: row.submitted_at,
      reviewedAt: row.reviewed_at,
      reviewOpinion: row.review_opinion,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** The attachment's bytes as uploaded (opened when sealed); the caller has authorised the actor. */
  async openAttachment(
    actor: Actor,
    revision: RevisionRow,
    kind: EnterpriseAttachmentKind,
  ): Promise<{ bytes: Buffer; mediaType: string }> {
    const { database, files } = this.deps;
    const fileId = storedAttachments(revision)[kind];
    const file = fileId ? await files.describe(database.db, fileId) : undefined;
    const bytes = file ? await files.read(file) : null;
    if (!file || !bytes) throw new AppError("ENTERPRISE_ATTACHMENT_NOT_FOUND");
    await database.transaction((trx) =>
      recordAudit(
        trx,
        actor,
        "enterprise.attachment_viewed",
        { kind: "enterprise_revision", id: revision.id },
        { enterpriseId: revision.enterprise_id, kind, fileId: file.id },
      ),
    );
    return { bytes, mediaType: file.media_type };
  }
}
