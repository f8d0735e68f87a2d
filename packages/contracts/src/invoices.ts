import { z } from "zod";
import { pageQuerySchema } from "./console";
import { enterpriseInfoChecks } from "./enterprise-info";
import { profileChecks } from "./profile";

/**
 * 发票 (guide §四(二) figure 5): the invoice an order's payer asks for at 支付确认, kept as a snapshot of the title
 * details given then; 【发票管理】 lists them, the console issues them (PDF attached and e-mailed).
 */

/** 发票类型: fixed once chosen (发票类型选择后不可更改). */
export const invoiceKindSchema = z.enum(["e_normal", "paper_special"]);
export type InvoiceKind = z.infer<typeof invoiceKindSchema>;
export const INVOICE_KIND_NAMES: Record<InvoiceKind, string> = { e_normal: "电子普票", paper_special: "纸质专票" };

/** 抬头类型. */
export const invoiceTitleTypeSchema = z.enum(["enterprise", "personal"]);
export type InvoiceTitleType = z.infer<typeof invoiceTitleTypeSchema>;
export const INVOICE_TITLE_TYPE_NAMES: Record<InvoiceTitleType, string> = {
  enterprise: "企业发票",
  personal: "个人发票",
};

export const invoiceStatusSchema = z.enum(["requested", "issued", "cancelled"]);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;
export const INVOICE_STATUS_NAMES: Record<InvoiceStatus, string> = {
  requested: "待开具",
  issued: "已开具",
  cancelled: "已取消",
};

/** The issued invoice the operator uploads: a PDF (checked by its bytes), at most 5 MB. */
export const INVOICE_PDF_MAX_BYTES = 5 * 1024 * 1024;

const optionalText = (max: number, message: string) => z.string({ error: message }).max(max, message).optional();
const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/**
 * 发票抬头 as given at 支付确认 (【编辑发票抬头信息】). 纳税人识别号 is required for an enterprise title and for 专票;
 * 专票 also needs 地址, 电话, 开户行 and 账号 and can only be made out to an enterprise. Each field is checked as the
 * enterprise's 开票信息 checks it and refused with its own zh-CN message, at its own path.
 */
export const invoiceRequestInputSchema = z
  .object({
    kind: z.enum(invoiceKindSchema.options, { error: "请选择发票类型（电子普票或纸质专票）" }),
    titleType: z.enum(invoiceTitleTypeSchema.options, { error: "请选择抬头类型（企业发票或个人发票）" }),
    title: z
      .string({ error: "请填写发票抬头" })
      .trim()
      .min(2, "发票抬头应为 2 至 100 个字")
      .max(100, "发票抬头应为 2 至 100 个字"),
    taxpayerNumber: optionalText(20, "纳税人识别号不正确（应为 18 位统一社会信用代码）"),
    address: optionalText(200, "地址应为 2 至 200 个字"),
    phone: optionalText(30, "电话应为带区号的固定电话（如 024-12345678）或手机号"),
    bank: optionalText(100, "开户行应为 2 至 100 个字"),
    bankAccount: optionalText(40, "开户行账号应为 8 至 30 位数字"),
    email: z.string({ error: "请填写接收邮箱" }).max(254, "接收邮箱格式不正确"),
  })
  .superRefine((input, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const special = input.kind === "paper_special";
    if (input.titleType === "enterprise" && enterpriseInfoChecks.enterpriseName(input.title) !== null) {
      problem("title", "发票抬头应为单位全称（2 至 100 个字）");
    }
    if (special && input.titleType === "personal") problem("titleType", "纸质专票只能开具给企业，请选择企业发票");
    if (given(input.taxpayerNumber)) {
      if (enterpriseInfoChecks.taxpayerId(input.taxpayerNumber) !== null) {
        problem("taxpayerNumber", "纳税人识别号不正确（应为 18 位统一社会信用代码）");
      }
    } else if (input.titleType === "enterprise" || special) {
      problem("taxpayerNumber", "请填写纳税人识别号");
    }
    const details = [
      ["address", "地址", enterpriseInfoChecks.address],
      ["phone", "电话", enterpriseInfoChecks.phone],
      ["bank", "开户行", enterpriseInfoChecks.bankName],
      ["bankAccount", "开户行账号", enterpriseInfoChecks.bankAccount],
    ] as const;
    for (const [field, label, check] of details) {
      const value = input[field];
      if (given(value)) {
        const message = check(value);
        if (message !== null) problem(field, message);
      } else if (special) problem(field, `开具纸质专票须填写${label}`);
    }
    if (input.email.trim() === "") problem("email", "请填写接收邮箱");
    else if (profileChecks.email(input.email) !== null) problem("email", "接收邮箱格式不正确");
  });
export type InvoiceRequestInput = z.infer<typeof invoiceRequestInputSchema>;

/** The title details an invoice is made out to (the request's snapshot, or the enterprise's 开票信息). */
export const invoiceTitleSchema = z.object({
  titleType: invoiceTitleTypeSchema,
  title: z.string(),
  taxpayerNumber: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  bank: z.string().nullable(),
  bankAccount: z.string().nullable(),
});
export type InvoiceTitle = z.infer<typeof invoiceTitleSchema>;

/** 【编辑发票抬头信息】's prefill: the enterprise's approved 开票信息, or null while none is approved. */
export const defaultInvoiceTitleSchema = z.object({ title: invoiceTitleSchema.nullable() });

/** A request in 【发票管理】 (the enterprise's side). */
export const invoiceRequestViewSchema = invoiceTitleSchema.extend({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  amountFen: z.number().int(),
  kind: invoiceKindSchema,
  email: z.string().nullable(),
  status: invoiceStatusSchema,
  requestedAt: z.string(),
  issuedAt: z.string().nullable(),
});
export type InvoiceRequestView = z.infer<typeof invoiceRequestViewSchema>;

export const invoiceRequestQuerySchema = pageQuerySchema.extend({ status: invoiceStatusSchema.optional() });
export type InvoiceRequestQuery = z.infer<typeof invoiceRequestQuerySchema>;

/** A request in the console's queue: of paid orders only, with whose it is. */
export const consoleInvoiceRequestSchema = invoiceRequestViewSchema.extend({
  enterpriseName: z.string().nullable(),
  orderStatus: z.string(),
  paidAt: z.string().nullable(),
});
export type ConsoleInvoiceRequest = z.infer<typeof consoleInvoiceRequestSchema>;

export const consoleInvoiceQuerySchema = pageQuerySchema.extend({
  status: invoiceStatusSchema.optional(),
  kind: invoiceKindSchema.optional(),
  /** 订单号, 发票抬头 or 单位名称, in part. */
  search: z.string().trim().max(100).optional(),
});
export type ConsoleInvoiceQuery = z.infer<typeof consoleInvoiceQuerySchema>;

export const invoiceRequestParamsSchema = z.object({ requestId: z.uuid() });
