import type { CertificateSummary } from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { CertificateResource } from "./certificates.policy";
import { findCertificateWithBindingById } from "./certificates.queries";

/** Reading certificates: a route loads one here (summary + what the policy decides on), asks, answers. */
export class CertificateDirectory {
  constructor(private readonly database: UnitOfWork) {}

  /** CERTIFICATE_NOT_FOUND for an unknown id. */
  async find(certificateId: string): Promise<{ resource: CertificateResource; summary: CertificateSummary }> {
    const row = await findCertificateWithBindingById(this.database.db, certificateId);
    if (!row) throw new AppError("CERTIFICATE_NOT_FOUND");
    return {
      resource: { holderUserId: row.bound_user_id, enterpriseId: row.enterprise_id },
      summary: {
        id: row.id,
        serialNumber: row.serial_number,
        holderKind: row.holder_kind,
        holderName: row.holder_name,
        enterpriseId: row.enterprise_id,
        category: row.category_code,
        notBefore: row.not_before,
        notAfter: row.not_after,
        status: row.status,
      },
    };
  }
}
