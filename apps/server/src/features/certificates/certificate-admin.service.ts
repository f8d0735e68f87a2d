import type { PlatformCa } from "../../adapters/ca/ca-adapter";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import type { Actor } from "../policy/actor";
import { findCertificateById, listRevokedSerialsByIssuer } from "./certificates.queries";
import { certificateMachine } from "./certificates.states";
import type { TrustService } from "./trust.service";

/** Revocation and the built-in CA's CRL. */
export class CertificateAdminService {
  constructor(private readonly deps: { database: UnitOfWork; clock: Clock; ca: PlatformCa; trust: TrustService }) {}

  /** Revokes a certificate: at once in the platform's records, and in the next CRL (published now). */
  async revoke(actor: Actor, certificateId: string, reason: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (trx) => {
      const certificate = await findCertificateById(trx, certificateId);
      if (!certificate) throw new AppError("NOT_FOUND");
      if (certificate.status === "revoked") return;
      await transition(trx, certificateMachine, {
        id: certificateId,
        from: certificate.status,
        to: "revoked",
        set: { revoked_at: now.toISOString(), revocation_reason: reason, updated_at: now.toISOString() },
        audit: { actor, action: "certificate.revoked", data: { reason } },
        at: now,
      });
    });
    await this.refreshCrl(true);
  }

  /** Publishes the built-in CA's CRL when forced or when the held one nears its next update. */
  async refreshCrl(force: boolean): Promise<void> {
    const revoked = await listRevokedSerialsByIssuer(this.deps.database.db, this.deps.ca.issuerSubject);
    const published = await this.deps.ca.publishCrl(
      revoked.map((r) => ({
        serialNumber: r.serial_number,
        revokedAt: new Date(r.revoked_at ?? this.deps.clock.now()),
      })),
      force,
    );
    if (published) this.deps.trust.invalidate();
  }
}
