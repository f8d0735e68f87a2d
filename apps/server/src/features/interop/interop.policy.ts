import { anyone, operator } from "../policy/rules";

export const interopPolicy = {
  /** The trading platforms' API: no session; the route authenticates the platform by its key. */
  "interop.verify": anyone,
  /** 平台互通: platform keys, webhook URLs and secrets, and the delivery log — the operators. */
  "console.interop.read": operator,
  "console.interop.manage": operator,
} as const;
