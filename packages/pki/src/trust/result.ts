import type { CertificateFacts } from "../cert-facts";
import { type CertificateDescription, describeCertificate } from "../certificate";
import { x509 } from "../provider";

export const VALIDATION_FAILURE_REASONS = [
  "malformed",
  "untrusted",
  "expired",
  "not_yet_valid",
  "revoked",
  /** requireCrlFor "known-issuers" and the issuer's CRL is past its nextUpdate: fail closed. */
  "revocation_unknown",
  "key_usage",
] as const;
export type ValidationFailureReason = (typeof VALIDATION_FAILURE_REASONS)[number];

export interface ValidationFailure {
  ok: false;
  reason: ValidationFailureReason;
  /** English, for logs; not shown to users. */
  detail: string;
}

export interface ValidationSuccess {
  ok: true;
  leaf: x509.X509Certificate;
  /** The whole path, leaf first, trust anchor last. */
  chain: x509.X509Certificate[];
  /** describeCertificate(leaf), computed without the full parse. */
  description: CertificateDescription;
  leafFacts: CertificateFacts;
}

export type ValidationResult = ValidationSuccess | ValidationFailure;

/**
 * A success whose @peculiar/x509 objects are built on first access: a full parse costs several times a
 * signature check, and the login path only needs `description`.
 */
export class LazyValidationSuccess implements ValidationSuccess {
  readonly ok = true;
  #leaf?: x509.X509Certificate;
  #chain?: x509.X509Certificate[];
  #description?: CertificateDescription;

  constructor(private readonly path: CertificateFacts[]) {}

  get leafFacts(): CertificateFacts {
    return this.path[0]!;
  }

  get leaf(): x509.X509Certificate {
    this.#leaf ??= new x509.X509Certificate(this.leafFacts.der);
    return this.#leaf;
  }

  get chain(): x509.X509Certificate[] {
    this.#chain ??= [this.leaf, ...this.path.slice(1).map((facts) => new x509.X509Certificate(facts.der))];
    return this.#chain;
  }

  get description(): CertificateDescription {
    this.#description ??= describedOnce(this.leafFacts);
    return this.#description;
  }
}

/**
 * Facts objects are shared across validations (facts-cache.ts), so their description (names formatted, key
 * type read) is computed once per facts object too. Frozen: every caller sees the same object.
 */
const descriptions = new WeakMap<CertificateFacts, CertificateDescription>();
function describedOnce(facts: CertificateFacts): CertificateDescription {
  let description = descriptions.get(facts);
  if (!description) {
    description = Object.freeze(describeCertificate(facts));
    descriptions.set(facts, description);
  }
  return description;
}

export function failure(reason: ValidationFailureReason, detail: string): ValidationFailure {
  return { ok: false, reason, detail };
}
