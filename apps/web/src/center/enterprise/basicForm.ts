import type { Attachment, BasicInfo, EnterpriseInformation } from "@lnca/contracts";
import { fenToYuan, yuanToFen } from "./yuan";

/**
 * The 单位基本信息 form: BasicInfo's own keys (so the server's `details.field` lands on the right field), with
 * 注册资本 typed in yuan as text, and the step's three attachments beside them.
 */
export type BasicFormValues = Omit<BasicInfo, "registeredCapitalFen"> & {
  registeredCapitalFen: string | null;
  legalRepresentativeIdBack: Attachment | null;
  legalRepresentativeIdFront: Attachment | null;
  businessLicence: Attachment | null;
};

export const BASIC_FIELDS = [
  "name",
  "address",
  "uscc",
  "legalRepresentative",
  "registeredCapitalFen",
  "registeredRegion",
  "companyRegion",
  "companyAddress",
  "legalIdType",
  "legalRepresentativeIdNumber",
  "legalRepresentativeMobile",
  "entityTypes",
  "servicePointCode",
] as const satisfies readonly (keyof BasicInfo)[];

/** The draft (or the revision being revised) as the form starts; the USCC is always the enterprise's. */
export function basicFormValues({ enterprise, latest }: EnterpriseInformation): Partial<BasicFormValues> {
  const basic = latest?.basic;
  const attachments = {
    legalRepresentativeIdBack: latest?.attachments.legalRepresentativeIdBack ?? null,
    legalRepresentativeIdFront: latest?.attachments.legalRepresentativeIdFront ?? null,
    businessLicence: latest?.attachments.businessLicence ?? null,
  };
  if (!basic) {
    return { name: enterprise.name, uscc: enterprise.uscc, legalIdType: "id_card", entityTypes: [], ...attachments };
  }
  return {
    ...basic,
    uscc: enterprise.uscc,
    registeredCapitalFen: fenToYuan(basic.registeredCapitalFen),
    legalRepresentativeIdNumber: basic.legalRepresentativeIdNumber ?? "",
    ...attachments,
  };
}

/** What 【下一步】 saves: trimmed texts, 注册资本 in fen, an untouched 公司地址 as null. */
export function basicInfoOf(values: BasicFormValues, uscc: string): BasicInfo {
  const companyAddress = values.companyAddress?.trim() ?? "";
  return {
    name: values.name.trim(),
    address: values.address.trim(),
    uscc,
    legalRepresentative: values.legalRepresentative.trim(),
    // The form's rule has refused anything that is not an amount, so 0 is never sent as a guess.
    registeredCapitalFen: yuanToFen(values.registeredCapitalFen ?? "") ?? 0,
    registeredRegion: values.registeredRegion,
    companyRegion: values.companyRegion?.length ? values.companyRegion : null,
    companyAddress: companyAddress === "" ? null : companyAddress,
    legalIdType: values.legalIdType,
    legalRepresentativeIdNumber: values.legalRepresentativeIdNumber.trim(),
    legalRepresentativeMobile: values.legalRepresentativeMobile.trim(),
    entityTypes: values.entityTypes,
    servicePointCode: values.servicePointCode,
  };
}
