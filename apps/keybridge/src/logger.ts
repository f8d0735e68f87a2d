import { pino } from "pino";

/** The PIN is never logged; redaction guards against a body or an error object reaching a log line anyway. */
export const KEYBRIDGE_LOG_REDACT = ["pin", "*.pin", "body.pin", "req.body.pin", "request.body.pin"];

export function createKeybridgeLogger(level: string = process.env.LNCA_KEYBRIDGE_LOG_LEVEL ?? "info") {
  return pino({ name: "lnca-keybridge", level, redact: { paths: KEYBRIDGE_LOG_REDACT, censor: "[redacted]" } });
}
