export {
  BuiltinCa,
  type CreateCrlRequest,
  type CrlReasonName,
  ID_KP_CMC_RA,
  type IssuedCertificate,
  type IssueFromCsrRequest,
  type IssueRequest,
  type ServiceCertificateRequest,
} from "./builtin-ca";
export { type BuiltinCaState, type CreateBuiltinCaOptions, createBuiltinCa } from "./create";
export {
  deriveWrappingKey,
  type KeyEncryption,
  openBytes,
  type SealedPrivateKey,
  sealBytes,
} from "./key-envelope";
export type { KeyUsageName } from "./leaf-extensions";
