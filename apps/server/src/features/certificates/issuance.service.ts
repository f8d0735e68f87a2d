import type { CertificateProfile, CryptoKey } from "@lnca/pki";
import { describeCertificate } from "@lnca/pki";
import type { PlatformCa } from "../../adapters/ca/ca-adapter";
import type { CertificatesTable } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { recordAudit } from "../audit/audit";
import type { CatalogService } from "../catalog/catalog.service";
import { ensureEnterprise } from "../enterprises/enterprises.service";
import type { Actor } from "../policy/actor";
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
    private readonly deps: {
      database: UnitOfWork;
      clock: Clock;
      ca: PlatformCa;
      /** The vendor the built-in CA stands in for. */
      vendorId: string;
      catalog: CatalogService;
    },
  ) {}

  async issueForNewKey(
    actor: Actor,
    input: IssueForNewKeyInput,
  ): Promise<{ certificate: CertificatesTable; certificatePem: string }> {
    const issued = await this.deps.ca.issue(input);
    const d = describeCertificate(issued.certificatePem);
    const platforms = await this.deps.catalog.activePlatformIdsByCode();
    const unknown = input.platformCodes.filter((code) => !platforms.has(code));
    if (unknown.length > 0) throw new AppError("CATALOG_UNKNOWN_PLATFORM", `应用平台不存在：${unknown.join("、")}`);
    const now = this.deps.clock.now();
    const iso = now.toISOString();
    const certificate = await this.deps.database.transaction(async (trx) => {
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
          vendor_id: this.deps.vendorId,
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
