import pino, { type Logger } from "pino";

/** Secrets never reach the log: PINs, SMS codes, cookies, session tokens, private keys, ID numbers. */
export const redactPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "*.pin",
  "*.smsCode",
  "*.code",
  "*.password",
  "*.idNumber",
  "*.id_number",
  "*.privateKey",
  "*.token",
  "*.bindingTicket",
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: "[已隐藏]" } });
}
