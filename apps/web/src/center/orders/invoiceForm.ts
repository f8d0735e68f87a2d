import { enterpriseInfoChecks, profileChecks } from "@lnca/contracts";
import type { FormRule } from "antd";
import type { InvoiceRequestInput } from "../../api/renewals";

/** 支付确认's form: the invoice choice and title, and the channel. */
export interface PaymentFormValues {
  wantInvoice: "yes" | "no";
  kind: InvoiceRequestInput["kind"];
  titleType: InvoiceRequestInput["titleType"];
  title: string;
  taxpayerNumber: string;
  address: string;
  phone: string;
  bank: string;
  bankAccount: string;
  email: string;
  channel: "alipay" | "wechat";
}

export const TITLE_FIELDS = ["title", "taxpayerNumber", "address", "phone", "bank", "bankAccount"] as const;
type TitleField = (typeof TITLE_FIELDS)[number];

export const TITLE_LABELS: Record<TitleField, string> = {
  title: "单位名称",
  taxpayerNumber: "纳税人识别号",
  address: "地址",
  phone: "电话",
  bank: "开户行",
  bankAccount: "开户行账号",
};

type Check = (value: string) => string | null;
const CHECKS: Record<Exclude<TitleField, "title">, Check> = {
  taxpayerNumber: enterpriseInfoChecks.taxpayerId,
  address: enterpriseInfoChecks.address,
  phone: enterpriseInfoChecks.phone,
  bank: enterpriseInfoChecks.bankName,
  bankAccount: enterpriseInfoChecks.bankAccount,
};

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/**
 * The invoice service's rules, checked as the payer types: an enterprise title needs its 纳税人识别号; 纸质专票 is
 * for enterprises only and needs every detail; a detail that is given must be valid.
 */
export function titleFieldRules(field: TitleField): FormRule[] {
  return [
    ({ getFieldValue }) => ({
      validator: (_, value: string | undefined) => {
        if (getFieldValue("wantInvoice") !== "yes") return Promise.resolve();
        const special = getFieldValue("kind") === "paper_special";
        const enterprise = getFieldValue("titleType") === "enterprise";
        let problem: string | null = null;
        if (field === "title") {
          if (!given(value)) problem = "请填写发票抬头";
          else if (enterprise)
            problem = enterpriseInfoChecks.enterpriseName(value) && "发票抬头应为单位全称（2 至 100 个字）";
          else if (value.trim().length < 2 || value.trim().length > 100) problem = "发票抬头应为 2 至 100 个字";
        } else if (given(value)) problem = CHECKS[field](value);
        else if (special || (field === "taxpayerNumber" && enterprise)) {
          problem =
            special && field !== "taxpayerNumber"
              ? `开具纸质专票须填写${TITLE_LABELS[field]}`
              : `请填写${TITLE_LABELS[field]}`;
        }
        return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
      },
    }),
  ];
}

export const titleTypeRules: FormRule[] = [
  ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) =>
      getFieldValue("wantInvoice") === "yes" && getFieldValue("kind") === "paper_special" && value === "personal"
        ? Promise.reject(new Error("纸质专票只能开具给企业，请选择企业发票"))
        : Promise.resolve(),
  }),
];

export const emailRules: FormRule[] = [
  { required: true, whitespace: true, message: "请填写接收邮箱" },
  {
    validator: (_, value: string | undefined) =>
      given(value) && profileChecks.email(value) !== null
        ? Promise.reject(new Error("接收邮箱格式不正确"))
        : Promise.resolve(),
  },
];

const trimmedOrUndefined = (value: string | undefined) => (given(value) ? value.trim() : undefined);

/** The request's invoice, or none when 不开具. */
export function invoiceOf(values: PaymentFormValues): InvoiceRequestInput | undefined {
  if (values.wantInvoice !== "yes") return undefined;
  return {
    kind: values.kind,
    titleType: values.titleType,
    title: values.title.trim(),
    taxpayerNumber: trimmedOrUndefined(values.taxpayerNumber)?.toUpperCase(),
    address: trimmedOrUndefined(values.address),
    phone: trimmedOrUndefined(values.phone)?.replace(/\s/g, ""),
    bank: trimmedOrUndefined(values.bank),
    bankAccount: trimmedOrUndefined(values.bankAccount)?.replace(/\s/g, ""),
    email: values.email.trim(),
  };
}
