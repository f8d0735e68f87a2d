import { createPrivateKey, createPublicKey, sign as cryptoSign, KeyObject } from "node:crypto";
import { keyAlgorithmOfCryptoKey, keyAlgorithms } from "../algorithms";
import type { CertificateFacts } from "../cert-facts";
import { certificateFacts } from "../certificate";
import { csrSignatureValid, type ParsedCsr, parseCsr } from "../csr";
import { encodeTlv, encodeUnsignedInteger, TAG } from "../der";
import { PkiError } from "../errors";
import { derToPem } from "../pem";
import { x509 } from "../provider";
import { buildSubject, type CertificateProfile } from "../subject";
import type { CryptoKey } from "../webcrypto";
import type { BuiltinCaState } from "./create";
import { deriveWrappingKey, openPrivateKey } from "./key-envelope";
import { defaultLeafKeyUsages, type KeyUsageName, leafExtensionsDer } from "./leaf-extensions";
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
  /** The request, as PEM or as parsed already (its proof of possession is checked again either way). */
  csr: string | ParsedCsr;
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
    /** The issuing key for node:crypto, which signs a certificate without a WebCrypto round trip. */
    private readonly signingKey: KeyObject,
  ) {
    this.issuerName = Buffer.from(issuingFacts.subjectKey, "hex");
  }

  /** The issuing CA's subject DER: every certificate's issuer, byte for byte. */
  private readonly issuerName: Uint8Array;

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
    return new BuiltinCa(state, issuingKey, issuing, issuingFacts, privateKey);
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
      subject: nameDer(buildSubject(request.profile)),
      spki: spkiOf(request.publicKey),
      keyUsages: request.keyUsages ?? defaultLeafKeyUsages(alg),
    });
  }

  /** Issues for a CSR after checking its proof of possession; throws PkiError("csr_invalid") if it fails. */
  async issueFromCsr(request: IssueFromCsrRequest): Promise<IssuedCertificate> {
    const csr = typeof request.csr === "string" ? parseCsr(request.csr) : request.csr;
    const possessed = typeof request.csr === "string" ? csr.signatureValid : csrSignatureValid(csr);
    if (!possessed) throw new PkiError("csr_invalid", "the CSR is not signed by its own key");
    return this.sign({
      ...request,
      subject: request.profile ? nameDer(buildSubject(request.profile)) : csr.subjectDer,
      spki: csr.spkiDer,
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
      subject: nameDer(subject),
      spki: spkiOf(request.publicKey),
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

  /**
   * Builds the TBSCertificate's DER here and signs it with node:crypto: @peculiar/x509's generator takes about
   * ten times the signature to do the same (builtin-ca.test.ts checks both give the same certificate).
   */
  private async sign(input: {
    /** Name DER, kept byte for byte. */
    subject: Uint8Array;
    spki: Uint8Array;
    notBefore: Date;
    notAfter: Date;
    serialNumber?: string;
    keyUsages: KeyUsageName[];
    extendedKeyUsages?: string[];
    hostNames?: string[];
  }): Promise<IssuedCertificate> {
    if (input.notAfter <= input.notBefore) throw new PkiError("invalid_profile", "notAfter must follow notBefore");
    const serialNumber = input.serialNumber ? normaliseSerialNumber(input.serialNumber) : randomSerialNumber();
    const extensions = leafExtensionsDer({
      spki: input.spki,
      keyUsages: input.keyUsages,
      authorityKeyId: this.issuingKeyId(),
      crlUrl: this.state.crlUrl,
      extendedKeyUsages: input.extendedKeyUsages,
      hostNames: input.hostNames,
    });
    const tbs = sequence(
      V3,
      encodeUnsignedInteger(
        Buffer.from(serialNumber.padStart(serialNumber.length + (serialNumber.length % 2), "0"), "hex"),
      ),
      ECDSA_WITH_SHA256,
      this.issuerName,
      sequence(encodeTime(input.notBefore), encodeTime(input.notAfter)),
      input.subject,
      input.spki,
      encodeTlv(0xa3, extensions),
    );
    const signature = cryptoSign("sha256", tbs, this.signingKey);
    const bits = encodeTlv(TAG.bitString, Buffer.concat([Uint8Array.of(0), signature]));
    // Without the final newline, as @peculiar/x509 wrote it: stored PEMs are compared and cached as text.
    const certificatePem = derToPem(sequence(tbs, ECDSA_WITH_SHA256, bits), "CERTIFICATE").trimEnd();
    return { certificatePem, serialNumber };
  }
}

/** [0] EXPLICIT INTEGER 2: an X.509 v3 certificate. */
const V3 = Uint8Array.of(0xa0, 3, TAG.integer, 1, 2);
/** AlgorithmIdentifier ecdsa-with-SHA256, no parameters (the issuing key is EC P-256). */
const ECDSA_WITH_SHA256 = Buffer.from("300a06082a8648ce3d040302", "hex");

function sequence(...items: Uint8Array[]): Uint8Array {
  return encodeTlv(TAG.sequence, Buffer.concat(items));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, whole seconds, UTC. */
function encodeTime(date: Date): Uint8Array {
  const digits = date
    .toISOString()
    .replace(/\.\d{3}Z$/, "")
    .replace(/[-:T]/g, "");
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return encodeTlv(TAG.utcTime, Buffer.from(`${digits.slice(2)}Z`, "latin1"));
  return encodeTlv(TAG.generalizedTime, Buffer.from(`${digits}Z`, "latin1"));
}

function nameDer(name: x509.Name): Uint8Array {
  return new Uint8Array(name.toArrayBuffer());
}

function spkiOf(key: CryptoKey): Uint8Array {
  return KeyObject.from(key).export({ format: "der", type: "spki" });
}

function bigintBytes(value: bigint): Uint8Array {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
}
