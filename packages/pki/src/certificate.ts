import { type KeyAlgorithm, keyAlgorithmOfKeyObject } from "./algorithms";
import { type CertificateFacts, publicKeyObjectOf, readCertificateFacts } from "./cert-facts";
import { PkiError } from "./errors";
import { ATTR, firstValue, formatName } from "./names";
import { derToPem, pemToDer } from "./pem";
import { x509 } from "./provider";
import { type HolderKind, ORGANIZATION_CATEGORY } from "./subject";

/** A certificate as accepted by the functions of this package: PEM text or a parsed object. */
export type CertificateInput = string | x509.X509Certificate;

/** Full object model (@peculiar/x509). Throws PkiError("malformed") on anything that is not one certificate. */
export function parseCertificatePem(pem: string): x509.X509Certificate {
  const der = pemToDer(pem, "CERTIFICATE");
  readCertificateFacts(der); // strict structural check first: asn1js accepts trailing garbage
  try {
    return new x509.X509Certificate(der);
  } catch (error) {
    throw new PkiError("malformed", "not an X.509 certificate", { cause: error });
  }
}

export function certificateToPem(cert: x509.X509Certificate): string {
  return derToPem(cert.rawData, "CERTIFICATE");
}

const factsByObject = new WeakMap<x509.X509Certificate, CertificateFacts>();

/** The fast facts of a certificate (cached per parsed object). Throws PkiError("malformed"). */
export function certificateFacts(cert: CertificateInput | Uint8Array): CertificateFacts {
  if (typeof cert === "string") return readCertificateFacts(pemToDer(cert, "CERTIFICATE"));
  if (cert instanceof Uint8Array) return readCertificateFacts(cert);
  let facts = factsByObject.get(cert);
  if (!facts) {
    facts = readCertificateFacts(new Uint8Array(cert.rawData));
    factsByObject.set(cert, facts);
  }
  return facts;
}

export interface CertificateDescription {
  holderKind: HolderKind;
  holderName: string;
  enterpriseName: string | null;
  uscc: string | null;
  idNumber: string | null;
  categoryCode: string | null;
  /** Lowercase hex without leading zeros (so "00ab" and "ab" name the same serial). */
  serialNumber: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** Lowercase hex SHA-256 of the DER. */
  fingerprintSha256: string;
  keyAlgorithm: KeyAlgorithm;
}

/**
 * Reads a certificate back into the subject profile's terms. holderKind is "organization" iff the subject has
 * no serialNumber (resident ID) attribute and its title is unit_main; everything else is personal.
 * Throws PkiError("unsupported_algorithm") for keys other than EC-P256 / RSA-2048.
 */
export function describeCertificate(cert: CertificateInput | CertificateFacts): CertificateDescription {
  const facts = typeof cert !== "string" && "fingerprint" in cert ? cert : certificateFacts(cert);
  const subject = facts.subject;
  const idNumber = firstValue(subject, ATTR.serialNumber);
  const categoryCode = firstValue(subject, ATTR.title);
  const uscc = firstValue(subject, ATTR.organizationIdentifier);
  return {
    holderKind: idNumber === null && categoryCode === ORGANIZATION_CATEGORY ? "organization" : "personal",
    holderName: firstValue(subject, ATTR.commonName) ?? "",
    enterpriseName: firstValue(subject, ATTR.organization),
    // ETSI EN 319 412-1 semantics prefix the code ("NTRCN-…"); we write it bare and read either form.
    uscc: uscc?.replace(/^NTRCN-/, "") ?? null,
    idNumber,
    categoryCode,
    serialNumber: facts.serialNumber,
    subject: formatName(subject),
    issuer: formatName(facts.issuer),
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
    fingerprintSha256: facts.fingerprint,
    keyAlgorithm: keyAlgorithmOfKeyObject(publicKeyObjectOf(facts)),
  };
}
