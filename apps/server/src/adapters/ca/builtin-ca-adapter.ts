import {
  BuiltinCa,
  createBuiltinCa,
  describeCertificate,
  type IssueRequest,
  type ParsedCsr,
  pemToDer,
  type ServiceCertificateRequest,
} from "@lnca/pki";
import type { Db } from "../../db/database";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import {
  findAuthority,
  findCrl,
  insertAuthority,
  insertTrustedCertificate,
  nextCrlNumber,
  upsertCrl,
} from "./builtin-ca.queries";
import type { PlatformCa } from "./ca-adapter";

const CRL_VALIDITY_MS = 7 * 86_400_000;
const CRL_REFRESH_BEFORE_MS = 6 * 86_400_000;
const YEAR_MS = 365 * 86_400_000;

export interface BuiltinCaOptions {
  name: string;
  vendorId: string;
  encryptionKey: string;
  crlUrl: string;
}

/**
 * The embedded CA: a root and an issuing CA generated on first start, kept in ca_authorities with their
 * private keys sealed under SECRET_KEY, registered as the vendor's trusted certificates, publishing a CRL.
 * A renewal reference is the old certificate's serial and end (the built-in CA needs no separate auth code).
 */
export class BuiltinCaAdapter implements PlatformCa {
  readonly name = "builtin";

  private constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ca: BuiltinCa,
    private readonly authorityId: string,
  ) {}

  static async open(db: Db, clock: Clock, options: BuiltinCaOptions): Promise<BuiltinCaAdapter> {
    let row = await findAuthority(db, options.name);
    if (!row) {
      const state = await createBuiltinCa({
        name: options.name,
        encryptionKey: options.encryptionKey,
        now: clock.now(),
        crlUrl: options.crlUrl,
      });
      const now = clock.now().toISOString();
      try {
        await db.transaction().execute(async (trx) => {
          await insertAuthority(trx, {
            id: newId(),
            name: options.name,
            state: JSON.stringify(state),
            created_at: now,
          });
          for (const [kind, pem] of [
            ["root", state.rootCertificatePem],
            ["intermediate", state.issuingCertificatePem],
          ] as const) {
            const d = describeCertificate(pem);
            await insertTrustedCertificate(trx, {
              id: newId(),
              vendor_id: options.vendorId,
              kind,
              subject: d.subject,
              fingerprint_sha256: d.fingerprintSha256,
              certificate_pem: pem,
              not_after: d.notAfter.toISOString(),
              created_at: now,
            });
          }
        });
      } catch (error) {
        // Another process created it first: use theirs.
        if (!(await findAuthority(db, options.name))) throw error;
      }
      row = await findAuthority(db, options.name);
    }
    if (!row) throw new AppError("CA_UNAVAILABLE");
    const ca = await BuiltinCa.load(JSON.parse(row.state), options.encryptionKey);
    return new BuiltinCaAdapter(db, clock, ca, row.id);
  }

  get rootCertificatePem(): string {
    return this.ca.rootCertificatePem;
  }

  get chainPem(): string[] {
    return this.ca.chainPem;
  }

  get issuerSubject(): string {
    return describeCertificate(this.ca.issuingCertificatePem).subject;
  }

  issue(input: IssueRequest) {
    return this.ca.issue(input);
  }

  /** The built-in EST endpoint's TLS certificate and the platform's RA identity at it. */
  issueServiceCertificate(input: ServiceCertificateRequest) {
    return this.ca.issueServiceCertificate(input);
  }

  /** The reference names the old certificate (its serial) and carries its end, which the renewal runs on from. */
  async requestRenewal(input: { certificatePem: string; notAfter: Date }): Promise<{ reference: string }> {
    const serial = describeCertificate(input.certificatePem).serialNumber;
    return { reference: `${serial}@${input.notAfter.toISOString()}` };
  }

  /**
   * A renewal (延期) keeps the subject, gets a new serial and runs one year from the old certificate's end, or
   * from now when that has passed: renewing early loses none of the time already paid for, and renewing late
   * buys no time that has gone.
   */
  async download(input: { reference: string; csrPem: string; csr?: ParsedCsr }) {
    const oldNotAfter = Date.parse(input.reference.split("@")[1] ?? "");
    if (Number.isNaN(oldNotAfter)) throw new AppError("CA_RENEWAL_REFUSED", "证书更新的受理编号无效");
    const now = this.clock.now();
    return this.issueForCsr(input.csr ?? input.csrPem, now, new Date(Math.max(now.getTime(), oldNotAfter) + YEAR_MS));
  }

  /** A first certificate for a registration authority's request (EST simpleenroll): a year from now. */
  enroll(csrPem: string) {
    const now = this.clock.now();
    return this.issueForCsr(csrPem, now, new Date(now.getTime() + YEAR_MS));
  }

  private async issueForCsr(csr: string | ParsedCsr, notBefore: Date, notAfter: Date) {
    const issued = await this.ca.issueFromCsr({ csr, notBefore, notAfter });
    return { certificatePem: issued.certificatePem, chainPem: this.ca.chainPem };
  }

  /** Republishes when none is held or the held one is within a day of its first week. */
  async publishCrl(revoked: { serialNumber: string; revokedAt: Date }[], force: boolean): Promise<boolean> {
    const issuer = describeCertificate(this.ca.issuingCertificatePem);
    const now = this.clock.now();
    const held = await findCrl(this.db, issuer.fingerprintSha256);
    const fresh = held && new Date(held.next_update).getTime() - now.getTime() > CRL_REFRESH_BEFORE_MS;
    if (fresh && !force) return false;
    const crlNumber = await nextCrlNumber(this.db, this.authorityId);
    const nextUpdate = new Date(now.getTime() + CRL_VALIDITY_MS);
    const crlPem = await this.ca.createCrl({ revoked, thisUpdate: now, nextUpdate, crlNumber });
    await upsertCrl(this.db, {
      id: newId(),
      issuer_fingerprint_sha256: issuer.fingerprintSha256,
      crl_pem: crlPem,
      crl_number: crlNumber,
      this_update: now.toISOString(),
      next_update: nextUpdate.toISOString(),
    });
    return true;
  }

  async currentCrlDer(): Promise<Uint8Array | null> {
    const issuer = describeCertificate(this.ca.issuingCertificatePem);
    const row = await findCrl(this.db, issuer.fingerprintSha256);
    return row ? pemToDer(row.crl_pem, "X509 CRL") : null;
  }
}
