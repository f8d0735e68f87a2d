/**
 * Certificate path validation for logins, built once and reused for every request.
 *
 * Speed (logins are benchmarked against raw signature checks): certificates are read with the fast DER reader,
 * roots/intermediates/CRLs are parsed once, revoked serials sit in Maps, and each issuer→child signature that
 * verified is remembered by fingerprint pair, and presented PEMs map to their facts through a bounded cache
 * (facts-cache.ts), so a repeat login costs lookups and the checks themselves only.
 */
import { type CertificateFacts, publicKeyObjectOf } from "../cert-facts";
import { type CertificateInput, certificateFacts } from "../certificate";
import { PkiError } from "../errors";
import { x509 } from "../provider";
import { verifySignedStructure } from "../signed-der";
import { type CrlFacts, readCrl } from "./crl";
import { pemFacts } from "./facts-cache";
import { failure, LazyValidationSuccess, type ValidationFailure, type ValidationResult } from "./result";

export interface TrustStoreOptions {
  /** Trust anchors (PEM). */
  roots: string[];
  /** CA certificates we hold besides the roots; CRLs can only be accepted from roots and these. */
  intermediates?: string[];
  crls?: (string | Uint8Array)[];
  /**
   * "none": a CRL we hold is used, a missing or stale one is not an error.
   * "known-issuers": once a CRL of an issuer has been accepted, that issuer's certificates fail with
   * "revocation_unknown" whenever its newest CRL is past nextUpdate (fail closed).
   */
  requireCrlFor?: "none" | "known-issuers";
}

export type ValidateInput = ({ leaf: CertificateInput } | { leafPem: string }) & {
  /** Intermediates presented with the leaf (untrusted until a path to a root verifies). */
  chainPem?: string[];
  at: Date;
};

export interface CrlLoadReport {
  accepted: number;
  rejected: { index: number; detail: string }[];
}

const MAX_PATH_LENGTH = 6;
const LINK_CACHE_LIMIT = 50_000;
const KEY_USAGE_DIGITAL_SIGNATURE = x509.KeyUsageFlags.digitalSignature;
const KEY_USAGE_KEY_CERT_SIGN = x509.KeyUsageFlags.keyCertSign;
const KEY_USAGE_CRL_SIGN = x509.KeyUsageFlags.cRLSign;

export class TrustStore {
  private readonly roots = new Map<string, CertificateFacts[]>();
  private readonly rootFingerprints = new Set<string>();
  private readonly intermediates = new Map<string, CertificateFacts[]>();
  /** Newest accepted CRL per issuer certificate fingerprint; an issuer once present stays ("CRL slot"). */
  private readonly crls = new Map<string, CrlFacts>();
  private readonly verifiedLinks = new Set<string>();
  private readonly requireCrlFor: "none" | "known-issuers";

  /** Throws PkiError("malformed") for an unreadable root/intermediate or a CRL that is not accepted. */
  constructor(options: TrustStoreOptions) {
    for (const pem of options.roots) {
      const facts = certificateFacts(pem);
      index(this.roots, facts);
      this.rootFingerprints.add(facts.fingerprint);
    }
    for (const pem of options.intermediates ?? []) index(this.intermediates, certificateFacts(pem));
    this.requireCrlFor = options.requireCrlFor ?? "none";
    const report = this.setCrls(options.crls ?? []);
    if (report.rejected.length > 0) {
      throw new PkiError("malformed", `CRL refused: ${report.rejected.map((r) => r.detail).join("; ")}`);
    }
  }

  /**
   * Installs CRLs (PEM or DER), e.g. after the server republishes one. Each replaces the held CRL of its issuer
   * when it is newer (higher crlNumber, else later thisUpdate), so an old CRL cannot undo a revocation. A CRL is
   * refused when unreadable, not signed by a CA certificate of this store with cRLSign, or not newer.
   */
  setCrls(crls: (string | Uint8Array)[]): CrlLoadReport {
    const report: CrlLoadReport = { accepted: 0, rejected: [] };
    crls.forEach((input, index) => {
      try {
        const crl = readCrl(input);
        const issuer = this.crlIssuer(crl);
        const held = this.crls.get(issuer.fingerprint);
        if (held && !isNewer(crl, held)) throw new PkiError("malformed", "not newer than the CRL held");
        this.crls.set(issuer.fingerprint, crl);
        report.accepted++;
      } catch (error) {
        report.rejected.push({ index, detail: error instanceof Error ? error.message : String(error) });
      }
    });
    return report;
  }

  async validate(input: ValidateInput): Promise<ValidationResult> {
    let leaf: CertificateFacts;
    let presented: CertificateFacts[];
    try {
      // PEM text is read through the process-wide facts cache (a repeat login sends the same PEMs).
      leaf = "leaf" in input ? certificateFacts(input.leaf) : pemFacts.get(input.leafPem);
      presented = (input.chainPem ?? []).map((pem) => pemFacts.get(pem));
    } catch (error) {
      return failure("malformed", error instanceof Error ? error.message : "unreadable certificate");
    }
    const path = this.buildPath(leaf, presented);
    if (!Array.isArray(path)) return path;
    return (
      checkCaConstraints(path) ??
      checkValidity(path, input.at) ??
      checkLeafKeyUsage(leaf) ??
      this.checkRevocation(path, input.at) ??
      new LazyValidationSuccess(path)
    );
  }

  private buildPath(leaf: CertificateFacts, presented: CertificateFacts[]): CertificateFacts[] | ValidationFailure {
    const path = [leaf];
    let current = leaf;
    while (!this.rootFingerprints.has(current.fingerprint)) {
      if (path.length > MAX_PATH_LENGTH) return failure("untrusted", "certificate path too long");
      const anchor = this.findIssuer(current, this.roots.get(current.issuerKey) ?? [], path);
      if (anchor) return [...path, anchor];
      const candidates = [
        ...(this.intermediates.get(current.issuerKey) ?? []),
        ...presented.filter((cert) => cert.subjectKey === current.issuerKey),
      ];
      const next = this.findIssuer(current, candidates, path);
      if (!next) return failure("untrusted", `no trusted issuer for serial ${current.serialNumber}`);
      path.push(next);
      current = next;
    }
    return path;
  }

  private findIssuer(child: CertificateFacts, candidates: CertificateFacts[], path: CertificateFacts[]) {
    return candidates.find(
      (issuer) =>
        !path.includes(issuer) &&
        (!child.authorityKeyId || !issuer.subjectKeyId || child.authorityKeyId === issuer.subjectKeyId) &&
        this.verifiedLink(issuer, child),
    );
  }

  private verifiedLink(issuer: CertificateFacts, child: CertificateFacts): boolean {
    const key = `${issuer.fingerprint}>${child.fingerprint}`;
    if (this.verifiedLinks.has(key)) return true;
    if (!verifySignedStructure(child, publicKeyObjectOf(issuer))) return false;
    if (this.verifiedLinks.size >= LINK_CACHE_LIMIT) this.verifiedLinks.clear();
    this.verifiedLinks.add(key);
    return true;
  }

  private crlIssuer(crl: CrlFacts): CertificateFacts {
    const candidates = [...(this.roots.get(crl.issuerKey) ?? []), ...(this.intermediates.get(crl.issuerKey) ?? [])];
    const issuer = candidates.find(
      (cert) =>
        (cert.keyUsage === null || (cert.keyUsage & KEY_USAGE_CRL_SIGN) !== 0) &&
        verifySignedStructure(crl, publicKeyObjectOf(cert)),
    );
    if (!issuer) throw new PkiError("malformed", "CRL not signed by a CA of this store");
    return issuer;
  }

  /** Every certificate but the anchor is looked up in its issuer's CRL. */
  private checkRevocation(path: CertificateFacts[], at: Date): ValidationFailure | null {
    for (let i = 0; i < path.length - 1; i++) {
      const cert = path[i]!;
      const crl = this.crls.get(path[i + 1]!.fingerprint);
      if (!crl) continue;
      const revokedAt = crl.revoked.get(cert.serialNumber);
      if (revokedAt && revokedAt <= at) return failure("revoked", `serial ${cert.serialNumber} revoked`);
      if (this.requireCrlFor === "known-issuers" && crl.nextUpdate && at > crl.nextUpdate) {
        return failure("revocation_unknown", `CRL of the issuer of ${cert.serialNumber} is past nextUpdate`);
      }
    }
    return null;
  }
}

function index(map: Map<string, CertificateFacts[]>, facts: CertificateFacts): void {
  const list = map.get(facts.subjectKey) ?? [];
  if (!list.some((cert) => cert.fingerprint === facts.fingerprint)) list.push(facts);
  map.set(facts.subjectKey, list);
}

function isNewer(crl: CrlFacts, held: CrlFacts): boolean {
  if (crl.crlNumber !== null && held.crlNumber !== null) return crl.crlNumber > held.crlNumber;
  return crl.thisUpdate > held.thisUpdate;
}

/** Issuers must be CAs allowed to sign certificates, within their path length; nothing unknown is critical. */
function checkCaConstraints(path: CertificateFacts[]): ValidationFailure | null {
  for (const [i, cert] of path.entries()) {
    if (cert.unknownCritical.length > 0) {
      return failure("untrusted", `unsupported critical extension ${cert.unknownCritical.join(",")}`);
    }
    if (i === 0) continue;
    const constraints = cert.basicConstraints;
    if (!constraints?.ca) return failure("untrusted", `issuer ${cert.serialNumber} is not a CA`);
    if (cert.keyUsage !== null && (cert.keyUsage & KEY_USAGE_KEY_CERT_SIGN) === 0) {
      return failure("untrusted", `issuer ${cert.serialNumber} may not sign certificates`);
    }
    // CAs between this one and the leaf: path[1 .. i-1].
    if (constraints.pathLength !== null && i - 1 > constraints.pathLength) {
      return failure("untrusted", `path length constraint of ${cert.serialNumber} exceeded`);
    }
  }
  return null;
}

function checkValidity(path: CertificateFacts[], at: Date): ValidationFailure | null {
  for (const [i, cert] of path.entries()) {
    const which = i === 0 ? "certificate" : `issuer ${cert.serialNumber}`;
    if (at < cert.notBefore) return failure("not_yet_valid", `${which} valid from ${cert.notBefore.toISOString()}`);
    if (at > cert.notAfter) return failure("expired", `${which} expired ${cert.notAfter.toISOString()}`);
  }
  return null;
}

/** RFC 5280: no keyUsage extension means no restriction; when present it must allow digitalSignature. */
function checkLeafKeyUsage(leaf: CertificateFacts): ValidationFailure | null {
  if (leaf.keyUsage !== null && (leaf.keyUsage & KEY_USAGE_DIGITAL_SIGNATURE) === 0) {
    return failure("key_usage", "certificate may not be used for digital signatures");
  }
  return null;
}
