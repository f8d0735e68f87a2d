import { createPrivateKey, createPublicKey } from "node:crypto";
import { keyAlgorithmOfCryptoKey, keyAlgorithms } from "../algorithms";
import type { CertificateFacts } from "../cert-facts";
import { certificateFacts } from "../certificate";
import { parseCsr } from "../csr";
import { encodeUnsignedInteger } from "../der";
import { PkiError } from "../errors";
import { derToPem } from "../pem";
import { x509 } from "../provider";
import { buildSubject, type CertificateProfile } from "../subject";
import type { CryptoKey } from "../webcrypto";
import type { BuiltinCaState } from "./create";
import { deriveWrappingKey, openPrivateKey } from "./key-envelope";
import { defaultLeafKeyUsages, type KeyUsageName, leafExtensions } from "./leaf-extensions";
import { normaliseSerialNumber, randomSerialNumber } from "./serial";

export interface IssueRequest {
  profile: CertificateProfile;
  publicKey: CryptoKey;
  notBefore: Date;
  notAfter: Date;
  /** Hex; random 16 bytes when absent. */
  serialNumber?: string;
  /** Replaces the default leaf key usages (tests use it to make certificates unfit for login). */
  keyUsages?: KeyUsageName[];
}

export interface IssueFromCsrRequest {
  csrPem: string;
  notBefore: Date;
  notAfter: Date;
  /** Replaces the CSR's subject; without it the subject is kept byte for byte (renewals). */
  profile?: CertificateProfile;
  serialNumber?: string;
}

export interface IssuedCertificate {
  certificatePem: string;
  /** Normalised like describeCertificate: lowercase hex, no leading zeros. */
  serialNumber: string;
}

/**
 * A certificate for one of the platform's own services rather than a key holder: the TLS server of the
 * built-in EST endpoint, or the registration authority identity the EST client authenticates with.
 */
export interface ServiceCertificateRequest {
  purpose: "tls_server" | "registration_authority";
  commonName: string;
  publicKey: CryptoKey;
  notBefore: Date;
  notAfter: Date;
  /** tls_server: the names clients connect to (DNS names, IPv4/IPv6 addresses). */
  hostNames?: string[];
}

export type CrlReasonName = keyof typeof x509.X509CrlReason;

export interface CreateCrlRequest {
  revoked: { serialNumber: string; revokedAt: Date; reason?: CrlReasonName }[];
  thisUpdate: Date;
  nextUpdate: Date;
  /** Monotonic CRL number (RFC 5280 §5.2.3); the caller keeps the counter. */
  crlNumber: number | bigint;
}

const SIGNING = keyAlgorithms["EC-P256"].signing;

/** TLS client authentication, and id-kp-cmcRA (RFC 6402 §2.10): the holder is a registration authority. */
export const ID_KP_CMC_RA = "1.3.6.1.5.5.7.3.28";
const RA_KEY_PURPOSES = [x509.ExtendedKeyUsage.clientAuth, ID_KP_CMC_RA];

/** The built-in CA, loaded with its issuing key decrypted in memory (the root key stays sealed). */
export class BuiltinCa {
  private constructor(
    readonly state: BuiltinCaState,
    private readonly issuingKey: CryptoKey,
    private readonly issuing: x509.X509Certificate,
    private readonly issuingFacts: CertificateFacts,
  ) {}

  /** Throws PkiError("ca_key_decrypt_failed") for a wrong encryption key, ("ca_state_invalid") for a bad state. */
  static async load(state: BuiltinCaState, encryptionKey: string): Promise<BuiltinCa> {
    if (state?.version !== 1) throw new PkiError("ca_state_invalid", "unknown built-in CA state version");
    const pkcs8 = openPrivateKey(
      state.issuingPrivateKey,
      await deriveWrappingKey(encryptionKey, state.keyEncryption),
      "issuing",
    );
    const issuing = new x509.X509Certificate(state.issuingCertificatePem);
    const issuingFacts = certificateFacts(issuing);
    const privateKey = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
    const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
    if (!spki.equals(Buffer.from(issuingFacts.spki))) {
      throw new PkiError("ca_state_invalid", "the issuing CA key does not match its certificate");
    }
    const issuingKey = await globalThis.crypto.subtle.importKey(
      "pkcs8",
      pkcs8,
      keyAlgorithms["EC-P256"].importParams,
      false,
      ["sign"],
    );
    pkcs8.fill(0);
    return new BuiltinCa(state, issuingKey, issuing, issuingFacts);
  }

  get rootCertificatePem(): string {
    return this.state.rootCertificatePem;
  }

  get issuingCertificatePem(): string {
    return this.state.issuingCertificatePem;
  }

  /** What a key holds besides its own certificate: the issuing CA (the root is the trust anchor). */
  get chainPem(): string[] {
    return [this.state.issuingCertificatePem];
  }

  async issue(request: IssueRequest): Promise<IssuedCertificate> {
    const alg = keyAlgorithmOfCryptoKey(request.publicKey);
    return this.sign({
      ...request,
      subject: buildSubject(request.profile),
      keyUsages: request.keyUsages ?? defaultLeafKeyUsages(alg),
    });
  }

  /** Issues for a CSR after checking its proof of possession; throws PkiError("csr_invalid") if it fails. */
  async issueFromCsr(request: IssueFromCsrRequest): Promise<IssuedCertificate> {
    const csr = parseCsr(request.csrPem);
    if (!csr.signatureValid) throw new PkiError("csr_invalid", "the CSR is not signed by its own key");
    return this.sign({
      ...request,
      subject: request.profile ? buildSubject(request.profile) : csr.subjectName,
      publicKey: csr.publicKey,
      keyUsages: defaultLeafKeyUsages(csr.keyAlgorithm),
    });
  }

  async issueServiceCertificate(request: ServiceCertificateRequest): Promise<IssuedCertificate> {
    const alg = keyAlgorithmOfCryptoKey(request.publicKey);
    const subject = new x509.Name([
      { "2.5.4.6": [{ printableString: "CN" }] },
      { "2.5.4.10": [{ utf8String: this.state.name }] },
      { "2.5.4.3": [{ utf8String: request.commonName }] },
    ]);
    return this.sign({
      ...request,
      subject,
      keyUsages: alg === "RSA-2048" ? ["digitalSignature", "keyEncipherment"] : ["digitalSignature"],
      extendedKeyUsages: request.purpose === "tls_server" ? [x509.ExtendedKeyUsage.serverAuth] : RA_KEY_PURPOSES,
      hostNames: request.hostNames,
    });
  }

  async createCrl(request: CreateCrlRequest): Promise<string> {
    const crl = await x509.X509CrlGenerator.create({
      issuer: this.issuing.subjectName,
      thisUpdate: request.thisUpdate,
      nextUpdate: request.nextUpdate,
      signingKey: this.issuingKey,
      signingAlgorithm: SIGNING,
      entries: request.revoked.map((entry) => ({
        serialNumber: normaliseSerialNumber(entry.serialNumber),
        revocationDate: entry.revokedAt,
        reason: entry.reason === undefined ? undefined : x509.X509CrlReason[entry.reason],
      })),
      extensions: [
        new x509.Extension("2.5.29.20", false, encodeUnsignedInteger(bigintBytes(BigInt(request.crlNumber)))),
        new x509.AuthorityKeyIdentifierExtension(this.issuingKeyId()),
      ],
    });
    return derToPem(crl.rawData, "X509 CRL"); // RFC 7468's label (OpenSSL's), not @peculiar's "CRL"
  }

  private issuingKeyId(): string {
    const keyId = this.issuingFacts.subjectKeyId;
    if (!keyId) throw new PkiError("ca_state_invalid", "the issuing CA certificate has no subject key identifier");
    return keyId;
  }

  private async sign(input: {
    subject: x509.Name;
    publicKey: CryptoKey | x509.PublicKey;
    notBefore: Date;
    notAfter: Date;
    serialNumber?: string;
    keyUsages: KeyUsageName[];
    extendedKeyUsages?: string[];
    hostNames?: string[];
  }): Promise<IssuedCertificate> {
    if (input.notAfter <= input.notBefore) throw new PkiError("invalid_profile", "notAfter must follow notBefore");
    const serialNumber = input.serialNumber ? normaliseSerialNumber(input.serialNumber) : randomSerialNumber();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber,
      subject: input.subject,
      issuer: this.issuing.subjectName,
      notBefore: input.notBefore,
      notAfter: input.notAfter,
      publicKey: input.publicKey,
      signingKey: this.issuingKey,
      signingAlgorithm: SIGNING,
      extensions: await leafExtensions({
        publicKey: input.publicKey,
        keyUsages: input.keyUsages,
        authorityKeyId: this.issuingKeyId(),
        crlUrl: this.state.crlUrl,
        extendedKeyUsages: input.extendedKeyUsages,
        hostNames: input.hostNames,
      }),
    });
    return { certificatePem: cert.toString("pem"), serialNumber };
  }
}

function bigintBytes(value: bigint): Uint8Array {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
}
