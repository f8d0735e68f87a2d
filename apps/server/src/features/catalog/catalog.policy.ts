import { anyStaff } from "../policy/rules";

/** The public catalog routes name `public`; the console's catalog pages will name these. */
export const catalogPolicy = {
  "console.catalog.read": anyStaff,
} as const;
