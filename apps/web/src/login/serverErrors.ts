import type { FormInstance } from "antd";
import { ApiError } from "../api/client";

/** Which form field a server error code belongs to; codes not listed are shown above the buttons. */
export const FIELD_OF_CODE: Record<string, string> = {
  MOBILE_INVALID: "mobile",
  MOBILE_BOUND_TO_OTHER_PERSON: "mobile",
  ACCOUNT_NOT_FOUND: "mobile",
  SMS_CODE_INVALID: "smsCode",
  SMS_CODE_EXPIRED: "smsCode",
  SMS_CODE_TOO_MANY_ATTEMPTS: "smsCode",
  SMS_RATE_LIMITED: "smsCode",
  SMS_SEND_FAILED: "smsCode",
  ID_NUMBER_INVALID: "idNumber",
  ID_NUMBER_BOUND_TO_OTHER_ACCOUNT: "idNumber",
  MOBILE_UNCHANGED: "mobile",
  NAME_INVALID: "name",
  EMAIL_INVALID: "email",
};

/**
 * Puts a server error under the field it concerns, if that field is on the form.
 * Returns false when the caller should show the error itself.
 */
export function showOnField(form: FormInstance, error: unknown, fields: string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const field = FIELD_OF_CODE[error.code];
  if (!field || !fields.includes(field)) return false;
  form.setFields([{ name: field, errors: [error.message] }]);
  return true;
}
