import { anyStaff, operator } from "../policy/rules";

/** The public catalog routes name `public`; the console's catalog pages name these. */
export const catalogPolicy = {
  "console.catalog.read": anyStaff,
  /** Vendors, their CA adapter and trusted CA certificates: what renewals and logins trust. */
  "console.catalog.manage": operator,
} as const;
