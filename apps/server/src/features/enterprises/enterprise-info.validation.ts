import {
  type BasicInfo,
  type EnterpriseAttachmentKind,
  type ErrorCode,
  enterpriseInfoChecks,
  type InvoicingInfo,
  normalizeIdNumber,
  normalizeMobile,
} from "@lnca/contracts";
import { divisionNames } from "@lnca/contracts/divisions";
import { AppError } from "../../shared/app-error";

/** A field's check failed: its code, and the field it belongs to, so the form shows it there. */
function invalid(code: ErrorCode, field: string): never {
  throw new AppError(code, undefined, { field });
}

function check(message: string | null, code: ErrorCode, field: string): void {
  if (message !== null) invalid(code, field);
}

/** 单位基本信息 checked as the form checks it, in the form's order; returns it in the form it is kept in. */
export function validBasicInfo(input: BasicInfo, context: { uscc: string; servicePointCodes: string[] }): BasicInfo {
  const c = enterpriseInfoChecks;
  check(c.enterpriseName(input.name), "ENTERPRISE_NAME_INVALID", "name");
  check(c.address(input.address), "ENTERPRISE_ADDRESS_INVALID", "address");
  const uscc = input.uscc.trim().toUpperCase();
  check(c.uscc(uscc), "USCC_INVALID", "uscc");
  if (uscc !== context.uscc) invalid("ENTERPRISE_USCC_MISMATCH", "uscc");
  check(c.personName(input.legalRepresentative), "LEGAL_REPRESENTATIVE_INVALID", "legalRepresentative");
  check(c.registeredCapitalFen(input.registeredCapitalFen), "REGISTERED_CAPITAL_INVALID", "registeredCapitalFen");
  if (!isDistrictPath(input.registeredRegion)) invalid("REGION_INVALID", "registeredRegion");
  if (input.companyRegion && !isDistrictPath(input.companyRegion)) invalid("REGION_INVALID", "companyRegion");
  const idMessage = c.legalIdNumber(input.legalRepresentativeIdNumber, input.legalIdType);
  check(
    idMessage,
    input.legalIdType === "id_card" ? "ID_NUMBER_INVALID" : "LEGAL_ID_NUMBER_INVALID",
    "legalRepresentativeIdNumber",
  );
  const mobile = normalizeMobile(input.legalRepresentativeMobile);
  if (!mobile) invalid("MOBILE_INVALID", "legalRepresentativeMobile");
  const entityTypes = [...new Set(input.entityTypes)];
  if (entityTypes.length === 0) invalid("ENTITY_TYPES_REQUIRED", "entityTypes");
  if (!context.servicePointCodes.includes(input.servicePointCode)) invalid("SERVICE_POINT_INVALID", "servicePointCode");
  return {
    ...input,
    name: input.name.trim(),
    address: input.address.trim(),
    uscc,
    legalRepresentative: input.legalRepresentative.trim(),
    companyAddress: input.companyAddress?.trim() || null,
    legalRepresentativeIdNumber:
      input.legalIdType === "id_card"
        ? normalizeIdNumber(input.legalRepresentativeIdNumber)
        : input.legalRepresentativeIdNumber.trim(),
    legalRepresentativeMobile: mobile,
    entityTypes,
  };
}

/** 开票信息 checked as the form checks it. */
export function validInvoicingInfo(input: InvoicingInfo): InvoicingInfo {
  const c = enterpriseInfoChecks;
  check(c.enterpriseName(input.title), "ENTERPRISE_NAME_INVALID", "title");
  const taxpayerId = input.taxpayerId.trim().toUpperCase();
  check(c.taxpayerId(taxpayerId), "TAXPAYER_ID_INVALID", "taxpayerId");
  check(c.address(input.address), "ENTERPRISE_ADDRESS_INVALID", "address");
  check(c.phone(input.phone), "PHONE_INVALID", "phone");
  check(c.bankName(input.bankName), "BANK_NAME_INVALID", "bankName");
  check(c.bankAccount(input.bankAccount), "BANK_ACCOUNT_INVALID", "bankAccount");
  return {
    title: input.title.trim(),
    taxpayerId,
    address: input.address.trim(),
    phone: input.phone.replace(/\s/g, ""),
    bankName: input.bankName.trim(),
    bankAccount: input.bankAccount.replace(/\s/g, ""),
  };
}

/** A complete province / city / district path of real divisions (the cascaders send one). */
const isDistrictPath = (codes: string[]) => codes.length === 3 && divisionNames(codes) !== null;

/** The file purpose an attachment is recorded under (files.purpose). */
export const attachmentPurpose = (kind: EnterpriseAttachmentKind) => `enterprise_${kind}`;
