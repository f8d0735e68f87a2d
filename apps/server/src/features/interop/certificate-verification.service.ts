import type { InteropInvalidReason, InteropVerifyResponse } from "@lnca/contracts";
import { type CertificateDescription, describeCertificate, type ValidationResult } from "@lnca/pki";
import type { CertificateStatus } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { hitRateLimit, MINUTE } from "../../shared/rate-limit";
import type { TrustService } from "../certificates/trust.service";
import { findCertificateForPlatform } from "./interop.queries";
import type { AuthenticatedPlatform } from "./platform-credentials.service";

/** Verifications a platform may ask for (a platform checks a certificate at each of its own logins). */
const VERIFY_WINDOWS = [{ ms: MINUTE, max: 600, label: "每个平台每分钟最多 600 次" }] as const;

/**
 * `POST /interop/verify` for a trading platform: is the certificate valid — the chain to a trusted vendor root,
 * its validity period and the CRL, checked by the trust store CA login uses, then the platform's own record
 * (revoked, or superseded by a renewal) — whose is it, which enterprise, and is it associated with the caller.
 * Holder, enterprise and category come from the registry when the platform knows the certificate, else from
 * the certificate itself.
 */
export class CertificateVerification {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
    private readonly trust: TrustService,
  ) {}

  async verify(platform: AuthenticatedPlatform, pem: string): Promise<InteropVerifyResponse> {
    const now = this.clock.now();
    await this.database.transaction((trx) =>
      hitRateLimit(trx, {
        bucket: "interop:verify",
        subject: platform.id,
        windows: VERIFY_WINDOWS,
        now,
        code: "INTEROP_RATE_LIMITED",
      }),
    );
    const description = readCertificate(pem);
    const { result } = await this.trust.validate(pem, []);
    const known = await findCertificateForPlatform(this.database.db, description.fingerprintSha256, platform.id);
    const reason = invalidReason(result, known?.status);
    const uscc = known ? known.uscc : description.uscc;
    return {
      valid: reason === undefined,
      ...(reason ? { reason } : {}),
      holderName: known?.holder_name ?? description.holderName,
      enterpriseName: (known ? known.enterprise_name : null) ?? description.enterpriseName,
      ...(uscc ? { uscc } : {}),
      categoryCode: known?.category_code ?? description.categoryCode,
      notAfter: description.notAfter.toISOString(),
      associated: Boolean(known?.associated),
    };
  }
}

/** The chain's verdict first (as at CA login), then the platform's own record of the certificate. */
function invalidReason(
  result: ValidationResult,
  status: CertificateStatus | undefined,
): InteropInvalidReason | undefined {
  if (!result.ok) {
    if (result.reason === "malformed") throw new AppError("CERTIFICATE_MALFORMED");
    return result.reason;
  }
  return status === "revoked" || status === "superseded" ? status : undefined;
}

function readCertificate(pem: string): CertificateDescription {
  try {
    return describeCertificate(pem);
  } catch {
    throw new AppError("CERTIFICATE_MALFORMED");
  }
}
