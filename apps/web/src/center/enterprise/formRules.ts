import type { FormRule } from "antd";

/** A required field checked, as the user types, with the same rule (and message) the server applies. */
export function checkedRules(required: string, check: (value: string) => string | null): FormRule[] {
  return [
    { required: true, whitespace: true, message: required },
    {
      validator: (_, value: string | undefined) => {
        const problem = value?.trim() ? check(value) : null;
        return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
      },
    },
  ];
}
