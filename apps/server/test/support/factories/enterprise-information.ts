/**
 * 企业信息 as an administrator fills it in: valid steps for an enterprise (overridable), small files of the
 * right types for each attachment, and the administrator's actor for calling the services directly.
 */
import type { BasicInfo, EnterpriseAttachmentKind, InvoicingInfo } from "@lnca/contracts";
import type { AppContext } from "../../../src/app/context";
import type { Actor } from "../../../src/features/policy/actor";
import { type EnterpriseInformationInput, submitEnterpriseInformation } from "../../../src/seed/enterprise-information";
import { makeResidentId, nextMobile, nextSeq } from "../identifiers";
import { jpegBytes, pdfBytes, pngBytes } from "./files";
import type { Enterprise } from "./profiles";

export function basicInfoFor(enterprise: Enterprise, overrides: Partial<BasicInfo> = {}): BasicInfo {
  return {
    name: enterprise.name,
    address: "辽宁省沈阳市和平区南京北街 1 号",
    uscc: enterprise.uscc,
    legalRepresentative: "王法人",
    registeredCapitalFen: 500_000_000,
    registeredRegion: ["21", "2101", "210102"],
    companyRegion: ["21", "2101", "210102"],
    companyAddress: "南京北街 1 号",
    legalIdType: "id_card",
    legalRepresentativeIdNumber: makeResidentId(nextSeq()),
    legalRepresentativeMobile: nextMobile(),
    entityTypes: ["bidder"],
    servicePointCode: "shenyang",
    ...overrides,
  };
}

export function invoicingInfoFor(enterprise: Enterprise, overrides: Partial<InvoicingInfo> = {}): InvoicingInfo {
  return {
    title: enterprise.name,
    taxpayerId: enterprise.uscc,
    address: "辽宁省沈阳市和平区南京北街 1 号",
    phone: "024-23456789",
    bankName: "中国工商银行沈阳和平支行",
    bankAccount: "3301000109200123456",
    ...overrides,
  };
}

export function attachmentsFor(): EnterpriseInformationInput["attachments"] {
  const files: Record<EnterpriseAttachmentKind, { bytes: Buffer; fileName: string }> = {
    legalRepresentativeIdBack: { bytes: pngBytes(), fileName: "id-back.png" },
    legalRepresentativeIdFront: { bytes: pdfBytes(), fileName: "id-front.pdf" },
    businessLicence: { bytes: jpegBytes(), fileName: "licence.jpg" },
    bankAccountLicence: { bytes: pdfBytes(), fileName: "bank.pdf" },
    sealForm: { bytes: pdfBytes(), fileName: "seal-form.pdf" },
  };
  return files;
}

/** The administrator of `enterpriseId` speaking in that identity, as a request's actor would. */
export function adminActor(userId: string, identityId: string, enterpriseId: string): Actor {
  return { kind: "user", userId, identity: { id: identityId, role: "admin", enterpriseId } };
}

/** Fills and submits valid information for the enterprise (待审核); returns the revision's id. */
export function buildSubmittedRevision(
  ctx: AppContext,
  admin: Actor,
  enterprise: Enterprise & { id: string },
): Promise<string> {
  return submitEnterpriseInformation(ctx, admin, enterprise.id, {
    basic: basicInfoFor(enterprise),
    invoicing: invoicingInfoFor(enterprise),
    attachments: attachmentsFor(),
  });
}
