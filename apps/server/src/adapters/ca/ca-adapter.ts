/**
 * How a vendor CA renews a certificate, mirrored from how vendor CAs work: first *request renewal* for the
 * old certificate (the CA answers with a reference / auth code), then *download* with that reference and a
 * PKCS#10 CSR made on the key (the CA answers with the new certificate and its chain). The built-in CA
 * implements it for the demo and the tests; an EST (RFC 7030 simplereenroll) client is the first real one.
 */
export interface CaAdapter {
  readonly name: string;
  requestRenewal(input: { certificatePem: string; notAfter: Date }): Promise<{ reference: string }>;
  download(input: { reference: string; csrPem: string }): Promise<{ certificatePem: string; chainPem: string[] }>;
}
