import type { TokenName } from "./people";

/** What the global setup started, handed to the test workers through one environment variable. */
export interface E2eState {
  /** The platform, e.g. http://127.0.0.1:41234 (the web app and the API). */
  baseUrl: string;
  database: "sqlite" | "postgres";
  /** The server's KEYBRIDGE_DIST: where the 下载中心 looks for the keybridge package (empty at the start). */
  keybridgeDist: string;
  keybridge: {
    port: number;
    /** The keybridge command line (pkcs11 backend on the SoftHSM2 tokens), without --port. */
    args: string[];
    env: Record<string, string>;
    /** The newcomer's demo keybridge: the softtoken backend on the server's demo-keys file, without --port. */
    demoArgs: string[];
    /** The keybridge on 刘洋's SoftHSM2 token alone (his demo key moved there), without --port. */
    liuYang: { args: string[]; env: Record<string, string>; serial: string; modulePath: string };
  };
  /** The demo receiving platform, where the demo platforms' webhooks go (`GET /api/received` lists them). */
  demoPlatformUrl: string;
  /** SoftHSM2 token serials: the keyIds the keybridge reports. */
  tokenSerials: Record<TokenName, string>;
  /** The old-platform key's certificate, as the 证书名录 export names it. */
  registryCertificate: { serial: string; issuer: string };
}

export const STATE_ENV = "LNCA_E2E_STATE";

export function readState(): E2eState {
  const raw = process.env[STATE_ENV];
  if (!raw) throw new Error(`${STATE_ENV} is not set: run the browser tests with npm run test:e2e`);
  return JSON.parse(raw) as E2eState;
}
