import type { CertificateProfile, CryptoKey } from "@lnca/pki";
import { describeCertificate } from "@lnca/pki";
import type { PlatformCa } from "../../adapters/ca/ca-adapter";
import type { Db } from "../../db/database";
import type { CertificatesTable } from "../../db/schema";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { type Actor, recordAudit } from "../audit/audit";
import { listActivePlatforms } from "../catalog/catalog.queries";
import { ensureEnterprise } from "../enterprises/enterprises.service";
import { insertAssociations } from "./certificates.queries";
import { recordCertificateOnToken } from "./certificates.service";

export interface IssueForNewKeyInput {
  profile: CertificateProfile;
  publicKey: CryptoKey;
  notBefore: Date;
  notAfter: Date;
  platformCodes: string[];
  tokenLabel: string;
}

/**
 * 办理: a service point issues a certificate for a new key from the built-in CA and records the key, the
 * certificate and its trading-platform associations. The demo seed and the tests use the same door.
 */
export class IssuanceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ca: PlatformCa,
    private readonly vendorId: string,
  ) {}

  async issueForNewKey(
    actor: Actor,
    input: IssueForNewKeyInput,
  ): Promise<{ certificate: CertificatesTable; certificatePem: string }> {
    const issued = await this.ca.issue(input);
    const d = describeCertificate(issued.certificatePem);
    const platforms = new Map((await listActivePlatforms(this.db)).map((p) => [p.code, p.id]));
    const unknown = input.platformCodes.filter((code) => !platforms.has(code));
    if (unknown.length > 0) throw new AppError("CATALOG_UNKNOWN_PLATFORM", `应用平台不存在：${unknown.join("、")}`);
    const now = this.clock.now();
    const iso = now.toISOString();
    const certificate = await this.db.transaction().execute(async (trx) => {
      const enterpriseId =
        d.uscc && d.enterpriseName
          ? await ensureEnterprise(trx, actor, { uscc: d.uscc, name: d.enterpriseName, now })
          : null;
      const row = await recordCertificateOnToken(trx, {
        tokenLabel: input.tokenLabel,
        now,
        certificate: {
          serial_number: d.serialNumber,
          issuer: d.issuer,
          subject: d.subject,
          fingerprint_sha256: d.fingerprintSha256,
          certificate_pem: issued.certificatePem,
          holder_kind: d.holderKind,
          category_code: input.profile.categoryCode,
          vendor_id: this.vendorId,
          holder_name: d.holderName,
          holder_id_number: d.idNumber,
          enterprise_id: enterpriseId,
          not_before: d.notBefore.toISOString(),
          not_after: d.notAfter.toISOString(),
          source: "issued",
        },
      });
      await insertAssociations(
        trx,
        row.id,
        input.platformCodes.map((code) => platforms.get(code) as string),
        iso,
      );
      await recordAudit(
        trx,
        actor,
        "certificate.issued",
        { kind: "certificate", id: row.id },
        { serial: d.serialNumber, platforms: input.platformCodes },
        now,
      );
      return row;
    });
    return { certificate, certificatePem: issued.certificatePem };
  }
}
