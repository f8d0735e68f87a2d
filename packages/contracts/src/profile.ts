import { z } from "zod";
import { errorCatalog } from "./errors";
import { isValidResidentId } from "./identifiers";

/**
 * 个人信息 (guide §二): what a person fills in, the checks the server and the form share (the form shows the
 * same messages as you type), and how the profile is answered.
 */

/** The two sides of the resident ID card: 人像面 (photo) and 国徽面 (national emblem). */
export const idScanSideSchema = z.enum(["front", "back"]);
export type IdScanSide = z.infer<typeof idScanSideSchema>;
export const ID_SCAN_SIDE_NAMES: Record<IdScanSide, string> = { front: "人像面", back: "国徽面" };

/** Accepted by their bytes (not their name): JPG, PNG, PDF, at most 5 MB. */
export const ID_SCAN_MEDIA_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export const ID_SCAN_MAX_BYTES = 5 * 1024 * 1024;

/** What the status 已完善 needs; 未完善 lists the ones missing. */
export const profileFieldSchema = z.enum(["name", "idNumber", "email", "idCardFront", "idCardBack"]);
export type ProfileField = z.infer<typeof profileFieldSchema>;
export const PROFILE_FIELD_NAMES: Record<ProfileField, string> = {
  name: "姓名",
  idNumber: "身份证号",
  email: "电子邮箱",
  idCardFront: "身份证人像面扫描件",
  idCardBack: "身份证国徽面扫描件",
};

const NAME = /^(?:[\u4e00-\u9fa5·]{2,30}|[A-Za-z][A-Za-z .'-]{1,29})$/;
// The WHATWG form's rule for e-mail addresses (what <input type="email"> accepts).
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** The trimmed, upper-cased form a resident ID number is checked and kept in. */
export const normalizeIdNumber = (value: string): string => value.replace(/\s/g, "").toUpperCase();

/** Each field's check: null when valid, else the catalogue's message (the server answers the same code). */
export const profileChecks = {
  name: (v: string) => (NAME.test(v.trim()) ? null : errorCatalog.NAME_INVALID.message),
  idNumber: (v: string) => (isValidResidentId(normalizeIdNumber(v)) ? null : errorCatalog.ID_NUMBER_INVALID.message),
  email: (v: string) => (EMAIL.test(v.trim()) && v.trim().length <= 254 ? null : errorCatalog.EMAIL_INVALID.message),
} as const;

/** 【确认完善信息】: an empty field is kept empty (the status then says it is missing). */
export const profileUpdateRequestSchema = z.object({
  name: z.string().max(60),
  idNumber: z.string().max(40),
  email: z.string().max(254),
});
export type ProfileUpdateRequest = z.infer<typeof profileUpdateRequestSchema>;

export const idScanSchema = z.object({
  mediaType: z.enum(ID_SCAN_MEDIA_TYPES),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

export const profileSchema = z.object({
  name: z.string().nullable(),
  /** The full number for its owner only; null for anyone else (they get `idNumberMasked`). */
  idNumber: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  mobile: z.string(),
  email: z.string().nullable(),
  idScans: z.object({ front: idScanSchema.nullable(), back: idScanSchema.nullable() }),
  status: z.enum(["complete", "incomplete"]),
  missing: z.array(profileFieldSchema),
});
export type Profile = z.infer<typeof profileSchema>;

export const mobileChangeCodeRequestSchema = z.object({ mobile: z.string().max(20) });
export const mobileChangeRequestSchema = z.object({ mobile: z.string().max(20), smsCode: z.string().max(10) });
export const idScanParamsSchema = z.object({ side: idScanSideSchema });
export const userIdScanParamsSchema = z.object({ userId: z.uuid(), side: idScanSideSchema });
