import type { FormInstance } from "antd";
import { ApiError } from "../../api/client";

/**
 * A refused save names its first invalid field (`details.field`, a key of the step's body, which the form's
 * field names follow): the message goes under that field. False when the caller should show the error itself.
 */
export function showAtServerField(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const field = (error.details.details as { field?: unknown } | undefined)?.field;
  if (typeof field !== "string" || !fields.includes(field)) return false;
  form.setFields([{ name: field, errors: [error.message] }]);
  form.scrollToField(field);
  return true;
}
