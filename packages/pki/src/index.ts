// The provider must load before anything touches @peculiar/x509.

export {
  KEY_ALGORITHMS,
  type KeyAlgorithm,
  keyAlgorithms,
  type SignatureAlgorithm,
  signatureAlgorithms,
} from "./algorithms";
export * from "./builtin-ca";
export type { CertificateFacts } from "./cert-facts";
export {
  type CertificateDescription,
  type CertificateInput,
  certificateFacts,
  certificateToPem,
  describeCertificate,
  parseCertificatePem,
} from "./certificate";
export * from "./challenge";
export {
  type CreateCsrInput,
  type CreateCsrWithSignerInput,
  createCsr,
  createCsrWithSigner,
  type ParsedCsr,
  parseCsr,
} from "./csr";
export { PkiError, type PkiErrorReason } from "./errors";
export {
  exportPrivateKeyPem,
  exportPublicKeySpkiPem,
  generateKeyPair,
  importPrivateKeyPem,
  importPublicKey,
} from "./keys";
export { ATTR, type NameAttribute } from "./names";
export { derToPem, pemToDer } from "./pem";
export { certsOnlyToDer, parseCertsOnly } from "./pkcs7";
export { x509 } from "./provider";
export { ecdsaDerToRaw, ecdsaRawToDer, signData, type VerifySignatureInput, verifySignature } from "./signature";
export { buildSubject, type CertificateProfile, type HolderKind, ORGANIZATION_CATEGORY } from "./subject";
export * from "./trust";
export type { CryptoKey, CryptoKeyPair } from "./webcrypto";
