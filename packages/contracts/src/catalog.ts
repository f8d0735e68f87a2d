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
