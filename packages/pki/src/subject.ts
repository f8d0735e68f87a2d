/**
 * Subject profiles: how a certificate names its holder. The README documents them; describeCertificate
 * (certificate.ts) reads them back.
 */
import { PkiError } from "./errors";
import { ATTR } from "./names";
import { x509 } from "./provider";

export type HolderKind = "organization" | "personal";
/** The category of the enterprise's main key (单位(机构)主锁); every other category is personal. */
export const ORGANIZATION_CATEGORY = "unit_main";

export interface CertificateProfile {
  holderKind: HolderKind;
  categoryCode: string;
  holderName: string;
  enterpriseName?: string;
  uscc?: string;
  idNumber?: string;
  city?: string;
}

type Encoding = "utf8String" | "printableString";
type Rdn = [oid: string, value: string | undefined, encoding: Encoding];

/** Builds the subject Name; throws PkiError("invalid_profile") when the profile cannot be told apart later. */
export function buildSubject(profile: CertificateProfile): x509.Name {
  const rdns = profile.holderKind === "organization" ? organizationRdns(profile) : personalRdns(profile);
  return new x509.Name(
    rdns
      .filter((rdn): rdn is [string, string, Encoding] => rdn[1] !== undefined && rdn[1] !== "")
      .map(([oid, value, encoding]) => ({ [oid]: [{ [encoding]: value }] })),
  );
}

function organizationRdns(p: CertificateProfile): Rdn[] {
  const enterpriseName = p.enterpriseName ?? p.holderName;
  if (p.categoryCode !== ORGANIZATION_CATEGORY)
    invalid(`organization certificates have category ${ORGANIZATION_CATEGORY}`);
  if (enterpriseName !== p.holderName) invalid("an organization certificate's holder is the enterprise");
  if (p.idNumber) invalid("an organization certificate carries no resident ID number");
  required(p.holderName, "holderName");
  required(p.uscc, "uscc");
  return [
    [ATTR.country, "CN", "printableString"],
    [ATTR.stateOrProvince, "辽宁省", "utf8String"],
    [ATTR.locality, p.city, "utf8String"],
    [ATTR.organization, enterpriseName, "utf8String"],
    [ATTR.commonName, p.holderName, "utf8String"],
    [ATTR.organizationIdentifier, p.uscc, "utf8String"],
    [ATTR.title, p.categoryCode, "utf8String"],
  ];
}

function personalRdns(p: CertificateProfile): Rdn[] {
  required(p.holderName, "holderName");
  required(p.idNumber, "idNumber");
  required(p.categoryCode, "categoryCode");
  return [
    [ATTR.country, "CN", "printableString"],
    [ATTR.organization, p.enterpriseName, "utf8String"],
    [ATTR.organizationIdentifier, p.uscc, "utf8String"],
    [ATTR.commonName, p.holderName, "utf8String"],
    [ATTR.serialNumber, p.idNumber, "printableString"],
    [ATTR.title, p.categoryCode, "utf8String"],
  ];
}

function required(value: string | undefined, field: string): void {
  if (!value || value.trim() !== value || /\p{Cc}/u.test(value)) invalid(`${field} is required`);
}

function invalid(message: string): never {
  throw new PkiError("invalid_profile", message);
}
