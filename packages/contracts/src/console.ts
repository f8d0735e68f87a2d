import { z } from "zod";

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const smsOutboxItemSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  mobile: z.string(),
  template: z.string(),
  content: z.string(),
  status: z.enum(["pending", "sent", "failed"]),
  provider: z.string(),
});
export type SmsOutboxItem = z.infer<typeof smsOutboxItemSchema>;

/** CSV columns: serial,issuer,holder,enterprise_uscc,category,platforms (platform codes separated by `|`). */
export const registryImportRequestSchema = z.object({ csv: z.string().min(1).max(5_000_000) });
export const registryImportResponseSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
});
export type RegistryImportResponse = z.infer<typeof registryImportResponseSchema>;

/**
 * The example the 证书名录 page shows, kept here so a server test imports exactly it: a unit key with a valid
 * USCC, and a personal key that leaves the USCC empty; platform codes from the catalog.
 */
export const REGISTRY_CSV_EXAMPLE = `serial,issuer,holder,enterprise_uscc,category,platforms
1A2B3C4D,CFCA,演示测试企业,91210102MA0Y8D0Q2J,unit_main,ln-jsgc|ln-zfcg
5E6F7A8B,CFCA,张三,,cost_engineer,ln-jsgc`;
