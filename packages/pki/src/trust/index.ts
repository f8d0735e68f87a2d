export type { CrlFacts } from "./crl";
export { PemFactsCache, pemFacts } from "./facts-cache";
export {
  VALIDATION_FAILURE_REASONS,
  type ValidationFailure,
  type ValidationFailureReason,
  type ValidationResult,
  type ValidationSuccess,
} from "./result";
export { type CrlLoadReport, TrustStore, type TrustStoreOptions, type ValidateInput } from "./trust-store";
