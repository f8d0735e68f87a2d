import { isAdminOf, isUser } from "../policy/predicates";
import { operator, type ResourceRule, signedInUser } from "../policy/rules";

/** What a certificate is decided on: the person its key is bound to, and the enterprise it names. */
export interface CertificateResource {
  holderUserId: string | null;
  enterpriseId: string | null;
}

export const certificatesPolicy = {
  /** Its holder (the key's account), or the administrator of the enterprise it names. */
  "certificate.read": {
    route: signedInUser,
    resource: (actor, c) => isUser(actor, c.holderUserId) || isAdminOf(actor, c.enterpriseId),
  } satisfies ResourceRule<CertificateResource>,
  "console.registry.import": operator,
} as const;
