/** Why a PKI operation failed; callers branch on `reason`, never on the message. */
export type PkiErrorReason =
  | "malformed"
  | "unsupported_algorithm"
  | "invalid_profile"
  | "csr_invalid"
  | "ca_key_decrypt_failed"
  | "ca_state_invalid"
  | "sealed_data_invalid";

export class PkiError extends Error {
  override readonly name = "PkiError";
  constructor(
    readonly reason: PkiErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
