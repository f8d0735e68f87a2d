/**
 * The keybridge's part of a key update (J6), played with real keys in memory, as apps/keybridge does on the
 * token: one new key pair per key update (kept, so a repeated request reuses it), a PKCS#10 request for the old
 * certificate's subject signed by the new key, the old key's proof over the protocol's message; the import
 * refuses a certificate that is not for the new key; the old key goes only once the new certificate is in.
 */
import { createHash } from "node:crypto";
import { type KeyUpdateCsrRequest, keyUpdateProofMessage } from "@lnca/contracts";
import { type CryptoKeyPair, createCsr, generateKeyPair, parseCertificatePem, pemToDer, signData } from "@lnca/pki";
import type { TestKey } from "./factories";
import { signatureAlgorithmOf } from "./journeys";

export class SoftKeybridge {
  /** New key pairs by key update id: generated on the token at the first request. */
  private readonly pending = new Map<string, CryptoKeyPair>();
  /** The certificates on the token (the old one until retired, then the renewed one). */
  readonly certificates: string[];
  private oldKey: CryptoKeyPair | null;
  generated = 0;
  /** The next call is refused as the keybridge would (key pulled out, wrong PIN); nothing changes on the key. */
  refuseNext: "KEY_NOT_FOUND" | "PIN_INCORRECT" | null = null;

  constructor(private readonly key: TestKey) {
    this.certificates = [key.certificatePem];
    this.oldKey = key.keys;
  }

  /** `POST /keys/:keyId/key-updates`: the CSR and the proof. `proveWith` signs the proof with another key. */
  async renewalRequest(
    keyUpdate: { id: string; nonce: string },
    options: { proveWith?: CryptoKeyPair; subjectFrom?: string } = {},
  ): Promise<KeyUpdateCsrRequest> {
    this.refuseIfTold();
    if (!this.oldKey) throw new Error("the old key was retired");
    let keys = this.pending.get(keyUpdate.id);
    if (!keys) {
      keys = await generateKeyPair(this.key.algorithm);
      this.pending.set(keyUpdate.id, keys);
      this.generated++;
    }
    const csrPem = await createCsr({
      keys,
      algorithm: this.key.algorithm,
      subject: parseCertificatePem(options.subjectFrom ?? this.key.certificatePem).subjectName,
    });
    const csrSha256Hex = createHash("sha256").update(pemToDer(csrPem, "CERTIFICATE REQUEST")).digest("hex");
    const message = keyUpdateProofMessage({ keyUpdateId: keyUpdate.id, nonce: keyUpdate.nonce, csrSha256Hex });
    const signature = await signData(
      (options.proveWith ?? this.oldKey).privateKey,
      this.key.algorithm,
      Buffer.from(message, "utf8"),
    );
    return {
      csrPem,
      proof: {
        signature: Buffer.from(signature).toString("base64"),
        signatureAlgorithm: signatureAlgorithmOf(this.key.algorithm),
      },
    };
  }

  /** `POST …/certificate`: refused unless the certificate is for this key update's new key. */
  async importCertificate(keyUpdateId: string, certificatePem: string): Promise<void> {
    this.refuseIfTold();
    const keys = this.pending.get(keyUpdateId);
    if (!keys) throw new Error("no new key for this key update");
    const spki = Buffer.from(await crypto.subtle.exportKey("spki", keys.publicKey));
    if (!spki.equals(Buffer.from(parseCertificatePem(certificatePem).publicKey.rawData))) {
      throw new Error("the certificate is not for the new key");
    }
    if (!this.certificates.includes(certificatePem)) this.certificates.push(certificatePem);
  }

  /** `POST …/retire`: the old key and certificate go, only once the renewed one is on the key; idempotent. */
  retire(keyUpdateId: string): boolean {
    this.refuseIfTold();
    const renewedOnKey = this.pending.has(keyUpdateId) && this.certificates.some((c) => c !== this.key.certificatePem);
    if (!renewedOnKey) throw new Error("refused: the renewed certificate is not on the key");
    if (!this.oldKey) return false;
    this.oldKey = null;
    this.certificates.splice(this.certificates.indexOf(this.key.certificatePem), 1);
    return true;
  }

  /** The key as the platform sees it after the update: the renewed certificate with its new key. */
  renewedKey(keyUpdateId: string): TestKey {
    const keys = this.pending.get(keyUpdateId);
    const pem = this.certificates.find((c) => c !== this.key.certificatePem);
    if (!keys || !pem) throw new Error("not renewed");
    return { ...this.key, keys, certificatePem: pem, serialNumber: parseCertificatePem(pem).serialNumber };
  }

  private refuseIfTold(): void {
    const refusal = this.refuseNext;
    this.refuseNext = null;
    if (refusal) throw new KeybridgeRefusal(refusal);
  }

  /** A usable key: a certificate whose private key the token still holds (import only takes the new key's). */
  usable(): boolean {
    const old = this.oldKey !== null && this.certificates.includes(this.key.certificatePem);
    return old || this.certificates.some((c) => c !== this.key.certificatePem);
  }
}

export class KeybridgeRefusal extends Error {
  constructor(readonly code: "KEY_NOT_FOUND" | "PIN_INCORRECT") {
    super(code);
  }
}
