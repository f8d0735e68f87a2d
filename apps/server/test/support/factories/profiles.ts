/** What a certificate says about its holder: fresh enterprises and people, as the CA writes them in a profile. */
import type { CertificateProfile } from "@lnca/pki";
import { makeResidentId, makeUscc, nextSeq } from "../identifiers";

export interface Enterprise {
  name: string;
  uscc: string;
}

/** A new enterprise's name and USCC (nothing stored). */
export function newEnterprise(): Enterprise {
  const n = nextSeq();
  return { name: `辽宁测试第${n}建设工程有限公司`, uscc: makeUscc(n) };
}

/** The profile of an enterprise's main key (单位(机构)主锁). */
export function organizationProfile(enterprise: Enterprise, city = "沈阳市"): CertificateProfile {
  return {
    holderKind: "organization",
    categoryCode: "unit_main",
    holderName: enterprise.name,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
    city,
  };
}

/** The profile of a personal key of `categoryCode`, for a new holder unless named. */
export function personalProfile(input: {
  categoryCode: string;
  holderName?: string;
  idNumber?: string;
  enterprise?: Enterprise;
}): CertificateProfile {
  const n = nextSeq();
  return {
    holderKind: "personal",
    categoryCode: input.categoryCode,
    holderName: input.holderName ?? `持证人${n}`,
    idNumber: input.idNumber ?? makeResidentId(n),
    enterpriseName: input.enterprise?.name,
    uscc: input.enterprise?.uscc,
  };
}
