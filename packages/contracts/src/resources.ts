import { z } from "zod";

export const enterpriseIdParamsSchema = z.object({ enterpriseId: z.uuid() });
export const certificateIdParamsSchema = z.object({ certificateId: z.uuid() });

/** An enterprise as its members and the staff see it. */
export const enterpriseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  /** The active administrator's name, masked (张**); null while the enterprise has none. */
  adminNameMasked: z.string().nullable(),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>;

/** A certificate as its holder and its enterprise's administrator see it. */
export const certificateSummarySchema = z.object({
  id: z.string(),
  serialNumber: z.string(),
  holderKind: z.enum(["organization", "personal"]),
  holderName: z.string(),
  enterpriseId: z.string().nullable(),
  category: z.string().nullable(),
  /** Null for a registry record (imported from the old platform) whose key has not signed in yet. */
  notBefore: z.string().nullable(),
  notAfter: z.string().nullable(),
  status: z.enum(["active", "superseded", "revoked"]),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
