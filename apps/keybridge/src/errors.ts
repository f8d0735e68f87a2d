import { type KeybridgeErrorCode, keybridgeErrorCodes } from "@lnca/contracts";

/** An error the HTTP layer turns into `{ error: { code, message, triesLeft? } }` with its status. */
export class KeybridgeError extends Error {
  constructor(
    readonly code: KeybridgeErrorCode,
    readonly statusCode: number,
    message: string = keybridgeErrorCodes[code],
    readonly triesLeft?: number,
  ) {
    super(message);
    this.name = "KeybridgeError";
  }
}

export const keyNotFound = () => new KeybridgeError("KEY_NOT_FOUND", 404);
export const certificateNotFound = () => new KeybridgeError("CERTIFICATE_NOT_FOUND", 404);
export const pinLocked = () => new KeybridgeError("PIN_LOCKED", 423, undefined, 0);
export const tokenError = (message?: string) => new KeybridgeError("TOKEN_ERROR", 502, message);

/** Wrong PIN; when the tries left are known the message says how many, as the login page shows it. */
export function pinIncorrect(triesLeft: number | null): KeybridgeError {
  if (triesLeft === null) return new KeybridgeError("PIN_INCORRECT", 400);
  if (triesLeft <= 0) return pinLocked();
  return new KeybridgeError("PIN_INCORRECT", 400, `CA 锁密码错误，还可尝试 ${triesLeft} 次`, triesLeft);
}
