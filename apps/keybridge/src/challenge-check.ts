import { ChallengeLifetimeError, parseChallenge } from "@lnca/pki";
import { KeybridgeError } from "./errors";

/** Clocks of the user's PC and of the server may disagree a little. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * The keybridge signs a text only when it is a login challenge for the very page asking (its origin equals
 * the request's Origin header) and it is current. Anything else — a document, a CSR, another site's
 * challenge, an old challenge — is refused, so a page can never use the key as a general-purpose signer.
 */
export function checkChallenge(text: string, requestOrigin: string, now = new Date()): void {
  let challenge: ReturnType<typeof parseChallenge>;
  try {
    challenge = parseChallenge(text);
  } catch (error) {
    throw challengeRefusal(error);
  }
  if (challenge.origin !== requestOrigin) throw new KeybridgeError("CHALLENGE_INVALID", 400);
  const t = now.getTime();
  if (challenge.expiresAt.getTime() + CLOCK_SKEW_MS < t || challenge.issuedAt.getTime() - CLOCK_SKEW_MS > t) {
    throw new KeybridgeError("CHALLENGE_INVALID", 400, "拒绝签名：登录请求已过期，请刷新页面后重试");
  }
}

/** A challenge claiming a longer life than the platform ever grants is refused with its own code. */
export function challengeRefusal(error: unknown): KeybridgeError {
  return error instanceof ChallengeLifetimeError
    ? new KeybridgeError("CHALLENGE_LIFETIME_TOO_LONG", 400)
    : new KeybridgeError("CHALLENGE_INVALID", 400);
}
