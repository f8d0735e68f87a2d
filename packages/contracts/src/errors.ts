import { accountErrors } from "./errors/accounts";
import { caLoginErrors } from "./errors/ca-login";
import { catalogErrors } from "./errors/catalog";
import { certificateErrors } from "./errors/certificates";
import { commonErrors } from "./errors/common";
import { downloadErrors } from "./errors/downloads";
import { enterpriseErrors } from "./errors/enterprises";
import { identityErrors } from "./errors/identities";
import { interopErrors } from "./errors/interop";
import { invoiceErrors } from "./errors/invoices";
import { keyUpdateErrors } from "./errors/key-updates";
import { licenceErrors } from "./errors/licences";
import { paymentErrors } from "./errors/payments";
import { profileErrors } from "./errors/profile";
import { renewalErrors } from "./errors/renewals";

/**
 * Every error the platform returns, with its HTTP status and the zh-CN message users see.
 * The web branches on `code`, never on the message. Each area keeps its codes in its own file under ./errors.
 */
export const errorCatalog = {
  ...commonErrors,
  ...catalogErrors,
  ...caLoginErrors,
  ...accountErrors,
  ...certificateErrors,
  ...enterpriseErrors,
  ...identityErrors,
  ...profileErrors,
  ...licenceErrors,
  ...renewalErrors,
  ...paymentErrors,
  ...invoiceErrors,
  ...keyUpdateErrors,
  ...downloadErrors,
  ...interopErrors,
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}
