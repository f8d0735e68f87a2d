import { derToPem, describeCertificate, parseCsr, pemToDer, TrustStore, x509 } from "@lnca/pki";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import type { CaAdapter } from "./ca-adapter";
import { EstClient, EstError } from "./est/est-client";
import type { EstClientIdentity } from "./est/est-client-identity";

/**
 * Sent with simplereenroll: the certificate being renewed (base64 DER). The TLS client is the platform's RA,
 * not the holder, so the EST server cannot read it off the TLS session (docs/ARCHITECTURE.md, "CA adapters").
 */
export const RENEWED_CERTIFICATE_HEADER = "x-lnca-renewed-certificate";

export interface EstCaAdapterOptions {
  vendorCode: string;
  /** `https://host[:port]/.well-known/est[/label]` (the vendor's catalog row, `est_url`). */
  estUrl: string;
  /** The vendor's trusted roots: the renewed certificate must chain to one, and so may the EST server's TLS. */
  trustAnchors: () => Promise<string[]>;
  /** The platform's RA identity at this vendor (TLS client authentication). */
  clientIdentity: () => Promise<EstClientIdentity>;
  clock: Clock;
  timeoutMs?: number;
}

/**
 * A vendor CA reached over EST (RFC 7030). Renewal is one call there, so `requestRenewal` only wraps the
 * certificate being renewed into the reference (nothing to keep across a restart), and `download` asks
 * `/cacerts` for the chain and `/simplereenroll` for the certificate, as the platform's registration authority:
 * the holder's old key is on the USB key, where it signed the proof the platform has already checked.
 */
export class EstCaAdapter implements CaAdapter {
  readonly name = "est";

  constructor(private readonly options: EstCaAdapterOptions) {}

  async requestRenewal(input: { certificatePem: string }): Promise<{ reference: string }> {
    return { reference: Buffer.from(pemToDer(input.certificatePem, "CERTIFICATE")).toString("base64url") };
  }

  async download(input: {
    reference: string;
    csrPem: string;
  }): Promise<{ certificatePem: string; chainPem: string[] }> {
    const renewedDer = Buffer.from(input.reference, "base64url");
    const renewed = describeCertificate(derToPem(renewedDer, "CERTIFICATE"));
    const csr = parseCsr(input.csrPem);
    // RFC 7030 §4.2.2: a re-enrollment keeps the subject of the certificate being renewed.
    if (csr.subject !== renewed.subject) {
      throw new AppError("CA_RENEWAL_REFUSED", "证书请求的主题与被更新的证书不一致");
    }
    const [anchors, identity] = await Promise.all([this.options.trustAnchors(), this.options.clientIdentity()]);
    const client = new EstClient({
      baseUrl: this.options.estUrl,
      clientCertificatePem: identity.certificatePem,
      clientKeyPem: identity.keyPem,
      serverTrustPem: anchors,
      timeoutMs: this.options.timeoutMs,
      headers: { [RENEWED_CERTIFICATE_HEADER]: renewedDer.toString("base64") },
    });
    const [caCertificates, issued] = await estCall(() =>
      Promise.all([client.cacerts(), client.simplereenroll(input.csrPem)]),
    );
    return this.checkIssued({ csrKey: csr.publicKey, csrSubject: csr.subject, anchors, caCertificates, issued });
  }

  /** What came back must be a certificate for the CSR's key and subject that chains to the vendor's roots. */
  private async checkIssued(input: {
    csrKey: x509.PublicKey;
    csrSubject: string;
    anchors: string[];
    caCertificates: string[];
    issued: string[];
  }): Promise<{ certificatePem: string; chainPem: string[] }> {
    const csrSpki = Buffer.from(input.csrKey.rawData);
    const leafPem = input.issued.find((pem) =>
      csrSpki.equals(Buffer.from(new x509.X509Certificate(pem).publicKey.rawData)),
    );
    if (!leafPem) throw invalid(`no certificate for the requested key from ${this.options.vendorCode}`);
    if (describeCertificate(leafPem).subject !== input.csrSubject) throw invalid("the subject was changed");
    const store = new TrustStore({ roots: input.anchors, requireCrlFor: "none" });
    const presented = [...input.caCertificates, ...input.issued.filter((pem) => pem !== leafPem)];
    const result = await store.validate({ leafPem, chainPem: presented, at: this.options.clock.now() });
    if (!result.ok) throw invalid(`${result.reason}: ${result.detail}`);
    // Between the leaf and the anchor: what the key holds beside its certificate.
    return { certificatePem: leafPem, chainPem: result.chain.slice(1, -1).map((c) => c.toString("pem")) };
  }
}

function invalid(detail: string): AppError {
  return Object.assign(new AppError("CA_RESPONSE_INVALID"), { cause: new Error(detail) });
}

/** 202 (come back later) and 4xx (refused) are the CA's answers; no answer at all is the CA being down. */
async function estCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof EstError)) throw error;
    const code =
      error.status === 202
        ? "CA_RENEWAL_PENDING"
        : error.status !== null && error.status >= 400 && error.status < 500
          ? "CA_RENEWAL_REFUSED"
          : error.status === 200
            ? "CA_RESPONSE_INVALID"
            : "CA_UNAVAILABLE";
    throw Object.assign(new AppError(code), { cause: error });
  }
}
