import type { IssuedCertificate, IssueRequest, ParsedCsr } from "@lnca/pki";

/**
 * How a vendor CA renews a certificate, mirrored from how vendor CAs work: first *request renewal* for the
 * old certificate (the CA answers with a reference / auth code), then *download* with that reference and a
 * PKCS#10 CSR made on the key (the CA answers with the new certificate and its chain). The built-in CA
 * implements it for the demo and the tests; an EST (RFC 7030 simplereenroll) client is the first real one
 * (est-ca-adapter.ts).
 */
export interface CaAdapter {
  readonly name: string;
  requestRenewal(input: { certificatePem: string; notAfter: Date }): Promise<{ reference: string }>;
  /**
   * `csr` is `csrPem` as the caller parsed (and verified) it already, for a CA that reads the request here (the
   * built-in CA, which takes the proof of possession from a parse `parseCsr` made and verifies anything else).
   */
  download(input: {
    reference: string;
    csrPem: string;
    csr?: ParsedCsr;
  }): Promise<{ certificatePem: string; chainPem: string[] }>;
}

/** Which adapter serves a vendor, as its catalog row (`vendors.adapter`) says. */
export const caAdapterKinds = ["builtin", "est"] as const;
export type CaAdapterKind = (typeof caAdapterKinds)[number];

/** What the choice needs of a vendor: its catalog row (`vendors`) as it is. */
export interface CaVendor {
  id: string;
  code: string;
  adapter: CaAdapterKind;
  /** The vendor's EST base URL, `https://host[:port]/.well-known/est[/label]` (adapter `est`). */
  est_url: string | null;
}

/**
 * The vendor → adapter choice, made in the composition root (app/adapters.ts). A vendor whose kind is not
 * usable (not built, or `est` without its URL or client identity) gets `CA_ADAPTER_UNAVAILABLE` when it is
 * used, not a failed start.
 */
export type CaAdapterFor = (vendor: CaVendor) => CaAdapter;

/**
 * A CA the platform runs itself (the built-in CA): beyond renewing, it issues for a new key at the counter
 * (办理, the demo seed and the tests) and publishes its own CRL and root. Vendor CAs do neither through the
 * platform: they issue at their own counters and publish their CRLs themselves.
 */
export interface PlatformCa extends CaAdapter {
  readonly rootCertificatePem: string;
  /** Issuing CA first, as a client presents it beside its own certificate. */
  readonly chainPem: string[];
  /** The issuing CA's subject: the `issuer` of every certificate this CA signs. */
  readonly issuerSubject: string;
  issue(input: IssueRequest): Promise<IssuedCertificate>;
  /** Publishes a CRL listing `revoked` when forced or when the held one nears its next update; true if it did. */
  publishCrl(revoked: { serialNumber: string; revokedAt: Date }[], force: boolean): Promise<boolean>;
  currentCrlDer(): Promise<Uint8Array | null>;
}
