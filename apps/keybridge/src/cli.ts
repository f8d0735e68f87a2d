import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { KEYBRIDGE_DEFAULT_PORT } from "@lnca/contracts";

export const DEFAULT_ALLOWED_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000"];

export type KeybridgeConfig = {
  port: number;
  allowedOrigins: string[];
  stateDir: string;
} & ({ backend: "softtoken"; file: string } | { backend: "pkcs11"; modulePath: string });

export const USAGE = `用法 / usage:
  lnca-keybridge --backend softtoken --file <keys.softtoken.json> [options]
  lnca-keybridge --backend pkcs11 --module <vendor PKCS#11 module> [options]
options:
  --port <n>                 default ${KEYBRIDGE_DEFAULT_PORT} (env LNCA_KEYBRIDGE_PORT); 0 = any free port
  --allowed-origin <origin>  repeatable (env LNCA_KEYBRIDGE_ALLOWED_ORIGINS, comma-separated)
                             default ${DEFAULT_ALLOWED_ORIGINS.join(",")}
  --state-dir <dir>          wrong-PIN counters (default ~/.lnca-keybridge, or the soft-token file's folder)`;

/** Parses the command line and environment; throws an Error with a readable message when they are wrong. */
export function parseKeybridgeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): KeybridgeConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      backend: { type: "string" },
      file: { type: "string" },
      module: { type: "string" },
      port: { type: "string" },
      "allowed-origin": { type: "string", multiple: true },
      "state-dir": { type: "string" },
    },
  });
  const port = Number(values.port ?? env.LNCA_KEYBRIDGE_PORT ?? KEYBRIDGE_DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid --port: ${values.port}`);
  const fromEnv = env.LNCA_KEYBRIDGE_ALLOWED_ORIGINS?.split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  const allowedOrigins = values["allowed-origin"] ?? fromEnv ?? DEFAULT_ALLOWED_ORIGINS;
  for (const origin of allowedOrigins) {
    // An origin is scheme://host[:port] exactly as browsers send it: no path, no trailing slash.
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)) throw new Error(`invalid allowed origin: ${origin}`);
  }
  const common = { port, allowedOrigins };
  if (values.backend === "softtoken") {
    if (!values.file) throw new Error("--backend softtoken needs --file <path>");
    const file = resolve(values.file);
    return { ...common, backend: "softtoken", file, stateDir: resolve(values["state-dir"] ?? dirname(file)) };
  }
  if (values.backend === "pkcs11") {
    if (!values.module) throw new Error("--backend pkcs11 needs --module <path>");
    const stateDir = resolve(values["state-dir"] ?? join(homedir(), ".lnca-keybridge"));
    return { ...common, backend: "pkcs11", modulePath: values.module, stateDir };
  }
  throw new Error("--backend must be softtoken or pkcs11");
}
