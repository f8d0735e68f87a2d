#!/usr/bin/env -S npx tsx
import { createKeybridgeApp } from "./app";
/**
 * The keybridge (拓展程序): a local HTTP server on 127.0.0.1 through which the platform's web pages reach the
 * USB keys plugged into this computer. See apps/keybridge/README.md.
 */
import type { KeybridgeBackend } from "./backend/backend";
import { createPkcs11Backend } from "./backend/pkcs11";
import { createSoftTokenBackend } from "./backend/softtoken";
import { type KeybridgeConfig, parseKeybridgeArgs, USAGE } from "./cli";
import { createKeybridgeLogger } from "./logger";

function createBackend(config: KeybridgeConfig): KeybridgeBackend {
  return config.backend === "softtoken"
    ? createSoftTokenBackend(config.file)
    : createPkcs11Backend({ modulePath: config.modulePath, stateDir: config.stateDir });
}

async function main(): Promise<void> {
  let config: KeybridgeConfig;
  try {
    config = parseKeybridgeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const logger = createKeybridgeLogger();
  const app = createKeybridgeApp({ backend: createBackend(config), allowedOrigins: config.allowedOrigins, logger });
  // Loopback only: the keybridge must never be reachable from the network.
  await app.listen({ host: "127.0.0.1", port: config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // A parent process (tests, the demo starter) waits for exactly this line.
  console.info(`keybridge listening on http://127.0.0.1:${port}`);
  logger.info({ backend: config.backend, allowedOrigins: config.allowedOrigins }, "keybridge ready");

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void app.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: Error) => {
  console.error(`keybridge failed to start: ${error.message}`);
  process.exit(1);
});
