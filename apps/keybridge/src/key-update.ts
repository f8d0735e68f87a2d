import "reflect-metadata";
import { createHash, createPublicKey, X509Certificate as NodeCertificate } from "node:crypto";
import {
  type KeybridgeImportRequest,
  type KeybridgeRenewalRequest,
  type KeybridgeRenewalResponse,
  type KeybridgeRetireRequest,
  keyUpdateProofMessage,
} from "@lnca/contracts";
import { createCsrWithSigner, pemToDer } from "@lnca/pki";
import * as x509 from "@peculiar/x509";
import type { KeybridgeBackend, TokenObjects } from "./backend/backend";
import { keyAlgorithmOf, signatureAlgorithmFor } from "./backend/certificates";
import { certificateNotFound, KeybridgeError, tokenError } from "./errors";

/**
 * The keybridge's side of the key update (自助年检). The new key pair of a key update lives under an id derived
 * from the key update's id, so every step finds it again after any crash — a second renewal request reuses it,
 * never making a second pending key — and the old key signs only the proof message built here from the
 * checked key update id, nonce and the hash of the CSR built here.
 */

/** The hex CKA_ID (and soft-token certId) of a key update's new key pair and, once imported, its certificate. */
export function keyUpdateObjectId(keyUpdateId: string): string {
  return createHash("sha256").update(`lnca-key-update\n${keyUpdateId}`).digest().subarray(0, 20).toString("hex");
}

/** The label of the new key pair on a PKCS#11 token: says which key update made it. */
export function keyUpdateLabel(keyUpdateId: string): string {
  return `lnca-update:${keyUpdateId}`;
}

export async function requestRenewal(
  backend: KeybridgeBackend,
  keyId: string,
  { certId, pin, keyUpdateId, nonce }: KeybridgeRenewalRequest,
): Promise<KeybridgeRenewalResponse> {
  const newId = keyUpdateObjectId(keyUpdateId);
  // The renewed certificate of this very key update cannot renew itself.
  if (certId === newId) throw new KeybridgeError("KEY_UPDATE_CONFLICT", 409);
  return backend.withSession(keyId, pin, async (session) => {
    const old = session.objects(certId);
    if (!old.certificate || !old.hasPrivateKey) throw certificateNotFound();
    const oldCertificate = new x509.X509Certificate(old.certificate);
    const algorithm = keyAlgorithmOf(new NodeCertificate(old.certificate).publicKey);
    if (!algorithm) throw tokenError("CA 锁中的密钥类型不受支持");

    let pending = session.objects(newId);
    let generated = false;
    if (!pending.publicKeySpkiDer || !pending.hasPrivateKey) {
      if (pending.certificate) throw new KeybridgeError("KEY_UPDATE_CONFLICT", 409);
      // Half a pair is what an interrupted generation leaves: start that generation again.
      session.destroy(newId);
      session.generateKeyPair(newId, algorithm, keyUpdateLabel(keyUpdateId));
      generated = true;
      pending = session.objects(newId);
    }
    const publicKeySpkiDer = pending.publicKeySpkiDer;
    if (!publicKeySpkiDer || keyAlgorithmOf(spkiKey(publicKeySpkiDer)) !== algorithm) {
      throw new KeybridgeError("KEY_UPDATE_CONFLICT", 409);
    }

    const csrPem = await createCsrWithSigner({
      subjectDer: new Uint8Array(oldCertificate.subjectName.toArrayBuffer()),
      publicKeySpkiDer,
      sign: (info) => session.sign(newId, algorithm, info),
    });
    const csrSha256Hex = createHash("sha256").update(pemToDer(csrPem, "CERTIFICATE REQUEST")).digest("hex");
    const message = keyUpdateProofMessage({ keyUpdateId, nonce, csrSha256Hex });
    const signature = session.sign(certId, algorithm, Buffer.from(message, "utf8"));
    return {
      csrPem,
      proof: { signature: signature.toString("base64"), signatureAlgorithm: signatureAlgorithmFor(algorithm) },
      certificatePem: oldCertificate.toString("pem"),
      generated,
    };
  });
}

export async function importRenewedCertificate(
  backend: KeybridgeBackend,
  keyId: string,
  keyUpdateId: string,
  { pin, certificatePem, chainPem }: KeybridgeImportRequest,
): Promise<{ certId: string }> {
  const certificate = readCertificate(certificatePem);
  if (isAuthority(certificate)) throw new KeybridgeError("KEY_UPDATE_CERTIFICATE_MISMATCH", 400);
  const chain = chainPem.map(readCertificate);
  if (!chain.every(isAuthority)) throw new KeybridgeError("VALIDATION_FAILED", 400, "证书链中只能包含 CA 证书");
  const der = Buffer.from(certificate.rawData);
  const newId = keyUpdateObjectId(keyUpdateId);
  return backend.withSession(keyId, pin, (session) => {
    const pending = session.objects(newId);
    if (!pending.publicKeySpkiDer || !pending.hasPrivateKey) throw new KeybridgeError("KEY_UPDATE_KEY_NOT_FOUND", 404);
    // Both sides as node:crypto exports them, so an equivalent encoding of the same key still matches.
    const certificateSpki = new NodeCertificate(der).publicKey.export({ type: "spki", format: "der" });
    if (!pending.publicKeySpkiDer.equals(certificateSpki)) {
      throw new KeybridgeError("KEY_UPDATE_CERTIFICATE_MISMATCH", 400);
    }
    if (pending.certificate) {
      if (pending.certificate.equals(der)) return { certId: newId };
      throw new KeybridgeError("KEY_UPDATE_CONFLICT", 409);
    }
    const label = certificate.subjectName.getField("CN")[0] ?? keyUpdateLabel(keyUpdateId);
    session.storeCertificate(
      newId,
      der,
      label,
      chain.map((c) => c.toString("pem")),
    );
    return { certId: newId };
  });
}

/**
 * Deletes the old key and certificate once the renewed certificate and its key are on the key. `retired` says
 * whether this call deleted them (false: they were already gone, an earlier call did it).
 */
export async function retireOldCertificate(
  backend: KeybridgeBackend,
  keyId: string,
  keyUpdateId: string,
  { pin, oldCertId }: KeybridgeRetireRequest,
): Promise<{ retired: boolean }> {
  const newId = keyUpdateObjectId(keyUpdateId);
  if (oldCertId === newId) throw new KeybridgeError("KEY_UPDATE_OLD_CERTIFICATE_MISMATCH", 400);
  return backend.withSession(keyId, pin, (session) => {
    const renewed = session.objects(newId);
    if (!renewed.certificate || !renewed.publicKeySpkiDer || !renewed.hasPrivateKey) {
      throw new KeybridgeError("KEY_UPDATE_NOT_WRITTEN", 409);
    }
    const old = session.objects(oldCertId);
    if (isEmpty(old)) return { retired: false };
    // A deletion cut short keeps the certificate (it goes last), so objects without one were never the renewed
    // certificate's predecessor — e.g. the pending key of another key update — and are not ours to delete.
    if (!old.certificate || subjectOf(old.certificate) !== subjectOf(renewed.certificate)) {
      throw new KeybridgeError("KEY_UPDATE_OLD_CERTIFICATE_MISMATCH", 400);
    }
    session.destroy(oldCertId);
    return { retired: true };
  });
}

function isEmpty(objects: TokenObjects): boolean {
  return !objects.certificate && !objects.publicKeySpkiDer && !objects.hasPrivateKey;
}

function readCertificate(pem: string): x509.X509Certificate {
  try {
    return new x509.X509Certificate(pem);
  } catch {
    throw new KeybridgeError("VALIDATION_FAILED", 400, "证书格式不正确");
  }
}

function isAuthority(certificate: x509.X509Certificate): boolean {
  return certificate.getExtension(x509.BasicConstraintsExtension)?.ca === true;
}

/** The subject as text: a CA may re-encode a string type, which must not make the same name look different. */
function subjectOf(der: Buffer): string {
  return new x509.X509Certificate(der).subject;
}

function spkiKey(spkiDer: Buffer) {
  return createPublicKey({ key: spkiDer, format: "der", type: "spki" });
}
