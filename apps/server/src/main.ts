import { readFileSync } from "node:fs";
import { ConfigError, loadConfig } from "./config/config";
import { startServer } from "./server";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

try {
  const config = loadConfig();
  const server = await startServer({ ...config, version, trustProxy: process.env.TRUST_PROXY === "true" });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
