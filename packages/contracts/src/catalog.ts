import { z } from "zod";

export const platformSchema = z.object({ code: z.string(), name: z.string(), feeFen: z.number().int() });
export type Platform = z.infer<typeof platformSchema>;

export const certificateCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  baseFeeFen: z.number().int(),
});
export type CertificateCategory = z.infer<typeof certificateCategorySchema>;

export const vendorSchema = z.object({ code: z.string(), name: z.string() });
export const servicePointSchema = z.object({ code: z.string(), name: z.string(), city: z.string() });

const codeSchema = z.string().trim().min(1).max(64);

export const quoteRequestSchema = z.object({
  items: z.array(z.object({ categoryCode: codeSchema, platformCodes: z.array(codeSchema).max(100) })).max(500),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

export const quoteResponseSchema = z.object({
  items: z.array(z.object({ priceFen: z.number().int() })),
  totalFen: z.number().int(),
});
export type QuoteResponse = z.infer<typeof quoteResponseSchema>;

/** Which CA adapter renews a vendor's certificates (the server's `vendors.adapter`). */
export const caAdapterKindSchema = z.enum(["builtin", "est"]);
export type CaAdapterKindName = z.infer<typeof caAdapterKindSchema>;

/** A vendor as the operator console shows it: how its certificates are renewed. */
export const consoleVendorSchema = z.object({
  code: z.string(),
  name: z.string(),
  adapter: caAdapterKindSchema,
  estUrl: z.string().nullable(),
});
export type ConsoleVendor = z.infer<typeof consoleVendorSchema>;

const vendorSettingsShape = {
  name: z.string().trim().min(1).max(100),
  adapter: caAdapterKindSchema,
  /** `https://host[:port]/.well-known/est[/label]`; required for `est`, ignored otherwise. */
  estUrl: z
    .url({ protocol: /^https$/, error: "EST 地址必须是 https:// 地址" })
    .max(500)
    .nullable(),
};
const estNeedsUrl = (v: { adapter: string; estUrl: string | null }) => v.adapter !== "est" || v.estUrl !== null;
const estNeedsUrlIssue = { message: "EST 证书更新须填写 EST 地址", path: ["estUrl"] };

export const vendorUpdateSchema = z.object(vendorSettingsShape).refine(estNeedsUrl, estNeedsUrlIssue);
export type VendorUpdate = z.infer<typeof vendorUpdateSchema>;

export const vendorCreateSchema = z
  .object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "编码只能含字母、数字、- 与 _"), ...vendorSettingsShape })
  .refine(estNeedsUrl, estNeedsUrlIssue);
export type VendorCreate = z.infer<typeof vendorCreateSchema>;

/** A CA certificate the platform trusts for a vendor: its roots and issuing CAs (logins, renewals). */
export const trustedCertificateSchema = z.object({
  id: z.string(),
  kind: z.enum(["root", "intermediate"]),
  subject: z.string(),
  fingerprintSha256: z.string(),
  notAfter: z.string(),
});
export type TrustedCertificate = z.infer<typeof trustedCertificateSchema>;

export const trustedCertificateAddSchema = z.object({ certificatePem: z.string().min(1).max(20_000) });
