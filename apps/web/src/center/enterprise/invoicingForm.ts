import type { Attachment, EnterpriseInformation, InvoicingInfo } from "@lnca/contracts";

/** The 开票信息 form: InvoicingInfo's keys (for the server's `details.field`) and the step's attachment. */
export type InvoicingFormValues = InvoicingInfo & { bankAccountLicence: Attachment | null };

export const INVOICING_FIELDS = [
  "title",
  "taxpayerId",
  "address",
  "phone",
  "bankName",
  "bankAccount",
] as const satisfies readonly (keyof InvoicingInfo)[];

export function invoicingFormValues({ latest }: EnterpriseInformation): Partial<InvoicingFormValues> {
  return { ...latest?.invoicing, bankAccountLicence: latest?.attachments.bankAccountLicence ?? null };
}

export function invoicingInfoOf(values: InvoicingFormValues): InvoicingInfo {
  return {
    title: values.title.trim(),
    taxpayerId: values.taxpayerId.trim().toUpperCase(),
    address: values.address.trim(),
    phone: values.phone.replace(/\s/g, ""),
    bankName: values.bankName.trim(),
    bankAccount: values.bankAccount.replace(/\s/g, ""),
  };
}
