import { z } from "zod";

/** What the browser needs to know about this deployment (GET /api/v1/public-config). */
export const publicConfigSchema = z.object({
  version: z.string(),
  keybridgeUrl: z.string(),
  demo: z.boolean(),
  /** Only in demo mode: the PIN of the demo keys, shown as a hint on the login page. */
  demoPin: z.string().nullable(),
  /** Payments go to the built-in sandbox cashier (模拟收银台), not to real merchants. */
  paymentSandbox: z.boolean(),
  /** The channels this deployment takes (a merchant may take one only). */
  paymentChannels: z.array(z.enum(["alipay", "wechat"])),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;
