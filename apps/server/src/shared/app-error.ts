import { type ErrorCode, errorCatalog } from "@lnca/contracts";

/** The one error family services throw; the HTTP error handler turns it into `{ error: { code, message } }`. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorCatalog[code].message);
    this.status = errorCatalog[code].status;
  }
}
