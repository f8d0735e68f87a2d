/** What the global setup started, handed to the test workers through one environment variable. */
export interface E2eState {
  /** The platform, e.g. http://127.0.0.1:41234 (the web app and the API). */
  baseUrl: string;
  database: "sqlite" | "postgres";
  keybridge: {
    port: number;
    /** The keybridge command line (pkcs11 backend on the SoftHSM2 tokens), without --port. */
    args: string[];
    env: Record<string, string>;
  };
  /** SoftHSM2 token serials: the keyIds the keybridge reports. */
  tokenSerials: { main: string; personal: string };
}

export const STATE_ENV = "LNCA_E2E_STATE";

export function readState(): E2eState {
  const raw = process.env[STATE_ENV];
  if (!raw) throw new Error(`${STATE_ENV} is not set: run the browser tests with npm run test:e2e`);
  return JSON.parse(raw) as E2eState;
}
