import type { TrustedCertificate } from "@lnca/contracts";
import { describeCertificate, x509 } from "@lnca/pki";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import { vendorIdOf } from "../catalog/catalog.service";
import type { Actor } from "../policy/actor";
import { insertTrustedCertificateOnce, listTrustedCertificatesOfVendor } from "./certificates.queries";
import type { TrustService } from "./trust.service";

declare module "../audit/audit" {
  interface AuditActions {
    "certificate.trusted_added": {
      vendor: string;
      kind: "root" | "intermediate";
      subject: string;
      fingerprint: string;
    };
  }
}

/**
 * A vendor's trusted CA certificates: the roots its certificates chain to (logins; the certificates its EST
 * server renews; its EST server's TLS certificate) and its issuing CAs. Added by the operator in the console.
 */
export class VendorTrustService {
  constructor(private readonly deps: { database: UnitOfWork; clock: Clock; trust: TrustService }) {}

  async list(vendorCode: string): Promise<TrustedCertificate[]> {
    const vendorId = await this.vendorId(vendorCode);
    return (await listTrustedCertificatesOfVendor(this.deps.database.db, vendorId)).map((row) => ({
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      fingerprintSha256: row.fingerprint_sha256,
      notAfter: row.not_after,
    }));
  }

  /** A self-signed CA certificate is a root, any other CA certificate an intermediate; a leaf is refused. */
  async add(actor: Actor, vendorCode: string, certificatePem: string): Promise<TrustedCertificate> {
    const vendorId = await this.vendorId(vendorCode);
    const { certificate, kind } = await readCaCertificate(certificatePem);
    const d = describeCertificate(certificate.toString("pem"));
    const row = {
      id: newId(),
      vendor_id: vendorId,
      kind,
      subject: d.subject,
      fingerprint_sha256: d.fingerprintSha256,
      certificate_pem: certificate.toString("pem"),
      not_after: d.notAfter.toISOString(),
      created_at: this.deps.clock.now().toISOString(),
    };
    await this.deps.database.transaction(async (trx) => {
      if (!(await insertTrustedCertificateOnce(trx, row))) throw new AppError("TRUSTED_CERTIFICATE_EXISTS");
      await recordAudit(
        trx,
        actor,
        "certificate.trusted_added",
        { kind: "trusted_certificate", id: row.id },
        { vendor: vendorCode, kind, subject: d.subject, fingerprint: d.fingerprintSha256 },
      );
    });
    this.deps.trust.invalidate();
    return {
      id: row.id,
      kind,
      subject: row.subject,
      fingerprintSha256: row.fingerprint_sha256,
      notAfter: row.not_after,
    };
  }

  private async vendorId(code: string): Promise<string> {
    const id = await vendorIdOf(this.deps.database.db, code);
    if (!id) throw new AppError("VENDOR_NOT_FOUND");
    return id;
  }
}

async function readCaCertificate(pem: string) {
  let certificate: x509.X509Certificate;
  try {
    certificate = new x509.X509Certificate(pem.trim());
  } catch {
    throw new AppError("TRUSTED_CERTIFICATE_INVALID");
  }
  if (!certificate.getExtension(x509.BasicConstraintsExtension)?.ca) throw new AppError("TRUSTED_CERTIFICATE_INVALID");
  const selfSigned = certificate.subject === certificate.issuer && (await certificate.verify({ signatureOnly: true }));
  return { certificate, kind: selfSigned ? ("root" as const) : ("intermediate" as const) };
}
