import { TrustStore, type ValidationResult } from "@lnca/pki";
import type { UnitOfWork } from "../../db/unit-of-work";
import type { Clock } from "../../shared/clock";
import { listCrls, listTrustedCertificates } from "./certificates.queries";

const RELOAD_AFTER_MS = 10_000;

/**
 * The trusted vendor roots and current CRLs, held in memory as one TrustStore and rebuilt from the database
 * when this process changed them or at most every 10 s (another process may have published a CRL).
 * Revocation is also checked against the certificates table at login, so it takes effect at once everywhere.
 */
export class TrustService {
  private store: TrustStore | null = null;
  private vendorBySubject = new Map<string, string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.loadedAt = 0;
  }

  async validate(leafPem: string, chainPem: string[]): Promise<{ result: ValidationResult; vendorId: string | null }> {
    const store = await this.current();
    const result = await store.validate({ leafPem, chainPem, at: this.clock.now() });
    // The vendor is the one whose CA issued the leaf (its issuing CA is held as a trusted intermediate).
    const vendorId = result.ok ? (this.vendorBySubject.get(result.description.issuer) ?? null) : null;
    return { result, vendorId };
  }

  private async current(): Promise<TrustStore> {
    if (!this.store || Date.now() - this.loadedAt > RELOAD_AFTER_MS) {
      this.loading ??= this.reload().finally(() => {
        this.loading = null;
      });
      await this.loading;
    }
    return this.store as TrustStore;
  }

  private async reload(): Promise<void> {
    const [trusted, crls] = await Promise.all([listTrustedCertificates(this.database.db), listCrls(this.database.db)]);
    this.store = new TrustStore({
      roots: trusted.filter((t) => t.kind === "root").map((t) => t.certificate_pem),
      intermediates: trusted.filter((t) => t.kind === "intermediate").map((t) => t.certificate_pem),
      crls: crls.map((c) => c.crl_pem),
      requireCrlFor: "known-issuers",
    });
    this.vendorBySubject = new Map(trusted.map((t) => [t.subject, t.vendor_id]));
    this.loadedAt = Date.now();
  }
}
