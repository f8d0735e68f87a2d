import { z } from "zod";
import { identityRoleSchema, sessionIdentitySchema, sessionUserSchema } from "./auth";

export const identityIdParamsSchema = z.object({ identityId: z.uuid() });

/** The roles a person applies for in an enterprise (guide §二(二) 2: 管理员 / 项目负责人 / 授权委托人). */
export const enterpriseRoleSchema = z.enum(["admin", "project_lead", "authorized_agent"]);
export type EnterpriseRole = z.infer<typeof enterpriseRoleSchema>;

/**
 * 【新增】 an identity: 企业角色 with the enterprise's name, USCC (its GB 32100 check character is checked by the
 * server: USCC_INVALID) and the role; or 个人角色, which needs nothing more.
 */
export const identityApplicationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("enterprise"),
    enterpriseName: z.string().trim().min(2).max(100),
    uscc: z
      .string()
      .trim()
      .max(18)
      .transform((v) => v.toUpperCase()),
    role: enterpriseRoleSchema,
  }),
  z.object({ kind: z.literal("personal") }),
]);
export type IdentityApplication = z.input<typeof identityApplicationSchema>;

export const identityApplicationResponseSchema = z.object({ identity: sessionIdentitySchema });

export const identitySwitchResponseSchema = z.object({ user: sessionUserSchema });

/** A rejection always says why (驳回原因), and the person reads it in the SMS. */
export const identityRejectionSchema = z.object({ reason: z.string().trim().min(2).max(200) });

export const identityDecisionResponseSchema = z.object({
  id: z.string(),
  status: z.enum(["pending", "active", "rejected", "revoked"]),
});

/** 人员管理: one person of the enterprise, with their identities there and the keys/certificates naming it. */
export const enterprisePersonSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  mobileMasked: z.string(),
  identities: z.array(
    z.object({
      id: z.string(),
      role: identityRoleSchema,
      status: z.enum(["pending", "active"]),
      appliedAt: z.string(),
    }),
  ),
  certificates: z.array(
    z.object({
      id: z.string(),
      serialNumber: z.string(),
      holderName: z.string(),
      category: z.string().nullable(),
      tokenLabel: z.string().nullable(),
      notAfter: z.string().nullable(),
      status: z.enum(["active", "superseded", "revoked"]),
    }),
  ),
});
export type EnterprisePerson = z.infer<typeof enterprisePersonSchema>;

/** An administrator application waiting for the operator (the enterprise had no administrator). */
export const adminApplicationSchema = z.object({
  identityId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  applicantName: z.string().nullable(),
  mobileMasked: z.string(),
  appliedAt: z.string(),
});
export type AdminApplication = z.infer<typeof adminApplicationSchema>;
