import { createHash } from "node:crypto";
import { type KeyUpdateProof, keyUpdateProofMessage } from "@lnca/contracts";
import { describeCertificate, type ParsedCsr, PkiError, parseCsr, pemFacts, verifySignature } from "@lnca/pki";
import { AppError } from "../../shared/app-error";

export interface CheckedRenewalRequest {
  csrPem: string;
  /** The request as parsed (and its signature verified) for the check, handed on to a CA that reads it. */
  csr: ParsedCsr;
  /** SHA-256 of the CSR's DER, lowercase hex: what the old key's proof binds. */
  csrSha256Hex: string;
}

/**
 * The keybridge's request for the renewal, checked against the certificate it renews before anything is asked
 * of the CA: a well-formed PKCS#10 signed by the key it carries (proof of possession of the NEW key), of a type
 * the platform accepts, for exactly the old certificate's subject, and with a key that is not the old one.
 */
export function checkRenewalRequest(csrPem: string, oldCertificatePem: string): CheckedRenewalRequest {
  let csr: ParsedCsr;
  try {
    csr = parseCsr(csrPem);
  } catch (error) {
    if (error instanceof PkiError && error.reason === "unsupported_algorithm") {
      throw new AppError("KEY_UPDATE_CSR_KEY_UNSUPPORTED");
    }
    throw new AppError("KEY_UPDATE_CSR_INVALID");
  }
  if (!csr.signatureValid) throw new AppError("KEY_UPDATE_CSR_INVALID");
  const old = pemFacts.get(oldCertificatePem);
  if (csr.subject !== describeCertificate(old).subject) throw new AppError("KEY_UPDATE_CSR_SUBJECT_MISMATCH");
  if (Buffer.from(csr.spkiDer).equals(old.spki)) {
    throw new AppError("KEY_UPDATE_CSR_SAME_KEY");
  }
  return { csrPem, csr, csrSha256Hex: createHash("sha256").update(csr.der).digest("hex") };
}

/**
 * The proof that the holder of the OLD key asked for this renewal: its signature over the protocol's message,
 * which binds this key update, the server's current nonce and this very CSR (contracts `keyUpdateProofMessage`).
 */
export async function checkProof(input: {
  oldCertificatePem: string;
  keyUpdateId: string;
  nonce: string;
  request: CheckedRenewalRequest;
  proof: KeyUpdateProof;
}): Promise<void> {
  const message = keyUpdateProofMessage({
    keyUpdateId: input.keyUpdateId,
    nonce: input.nonce,
    csrSha256Hex: input.request.csrSha256Hex,
  });
  const valid = await verifySignature({
    certificate: pemFacts.get(input.oldCertificatePem),
    data: Buffer.from(message, "utf8"),
    signature: Buffer.from(input.proof.signature, "base64"),
    algorithm: input.proof.signatureAlgorithm,
  });
  if (!valid) throw new AppError("KEY_UPDATE_PROOF_INVALID");
}
