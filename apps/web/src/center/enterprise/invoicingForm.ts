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

/**
 * Where 开票信息 starts: what the revision opened for editing had (a rejected or approved one is revised, even if
 * saving step 1 has since made a new draft), else the unit's name from step 1 and its USCC (the taxpayer ID).
 */
export function invoicingFormValues(
  opened: EnterpriseInformation,
  { enterprise, latest }: EnterpriseInformation,
): Partial<InvoicingFormValues> {
  return {
    title: latest?.basic?.name ?? enterprise.name,
    taxpayerId: enterprise.uscc,
    ...(latest?.invoicing ?? opened.latest?.invoicing),
    bankAccountLicence: latest?.attachments.bankAccountLicence ?? null,
  };
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
