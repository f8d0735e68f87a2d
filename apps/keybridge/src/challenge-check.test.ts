import { formatChallenge, MAX_CHALLENGE_LIFETIME_SECONDS } from "@lnca/pki";
import { describe, expect, it } from "vitest";
import { checkChallenge } from "./challenge-check";

const ORIGIN = "https://ca.example.cn";
const issuedAt = new Date("2025-03-01T08:00:00.000Z");
const text = formatChallenge({
  purpose: "ca-login",
  origin: ORIGIN,
  nonce: "n".repeat(43),
  issuedAt,
  expiresAt: new Date(issuedAt.getTime() + 300_000),
});
const at = (offsetMs: number) => new Date(issuedAt.getTime() + offsetMs);
const outcome = (challenge: string, origin: string, now: Date) => {
  try {
    checkChallenge(challenge, origin, now);
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("checkChallenge", () => {
  it("accepts a current challenge for the same origin, with 60 s of clock skew either side", () => {
    expect(outcome(text, ORIGIN, at(1_000))).toBe("ok");
    expect(outcome(text, ORIGIN, at(-59_000))).toBe("ok");
    expect(outcome(text, ORIGIN, at(300_000 + 59_000))).toBe("ok");
  });

  it("refuses a challenge past the skew, from the future, for another origin, or not a challenge at all", () => {
    expect(outcome(text, ORIGIN, at(300_000 + 61_000))).toBe("CHALLENGE_INVALID");
    expect(outcome(text, ORIGIN, at(-61_000))).toBe("CHALLENGE_INVALID");
    expect(outcome(text, "https://ca.example.cn:8443", at(1_000))).toBe("CHALLENGE_INVALID");
    expect(outcome(`${text}\n`, ORIGIN, at(1_000))).toBe("CHALLENGE_INVALID");
    expect(outcome("30820122300d06092a864886f70d01010105", ORIGIN, at(1_000))).toBe("CHALLENGE_INVALID");
  });

  it("refuses a challenge whose lifetime exceeds the server's maximum, even while it is current", () => {
    const lasting = (ms: number) =>
      formatChallenge({ purpose: "ca-login", origin: ORIGIN, nonce: "n".repeat(43), issuedAt, expiresAt: at(ms) });
    expect(outcome(lasting(MAX_CHALLENGE_LIFETIME_SECONDS * 1000), ORIGIN, at(1_000))).toBe("ok");
    expect(outcome(lasting(365 * 86_400_000), ORIGIN, at(1_000))).toBe("CHALLENGE_LIFETIME_TOO_LONG");
    expect(outcome(lasting(MAX_CHALLENGE_LIFETIME_SECONDS * 1000 + 1), ORIGIN, at(1_000))).toBe(
      "CHALLENGE_LIFETIME_TOO_LONG",
    );
  });
});
