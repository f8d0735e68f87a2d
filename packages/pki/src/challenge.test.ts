import { describe, expect, it } from "vitest";
import {
  CHALLENGE_HEADER,
  type Challenge,
  ChallengeFormatError,
  ChallengeLifetimeError,
  formatChallenge,
  MAX_CHALLENGE_LIFETIME_SECONDS,
  parseChallenge,
} from "./challenge";

const challenge: Challenge = {
  purpose: "ca-login",
  origin: "https://lnca.example.cn",
  nonce: "aB3_-".repeat(8),
  issuedAt: new Date("2025-03-01T08:00:00.000Z"),
  expiresAt: new Date("2025-03-01T08:02:00.000Z"),
};

describe("login challenge format", () => {
  it("round-trips", () => {
    const text = formatChallenge(challenge);
    expect(text.split("\n")[0]).toBe(CHALLENGE_HEADER);
    expect(parseChallenge(text)).toEqual(challenge);
  });

  it.each([
    ["an extra line", (t: string) => `${t}\nextra: 1`],
    ["a trailing newline", (t: string) => `${t}\n`],
    ["a wrong header", (t: string) => t.replace(CHALLENGE_HEADER, "LNCA-AUTH-CHALLENGE v2")],
    ["CRLF line ends", (t: string) => t.replace(/\n/g, "\r\n")],
    ["swapped fields", (t: string) => t.replace(/^(purpose: .*)\n(origin: .*)$/m, "$2\n$1")],
    ["an unknown purpose", (t: string) => t.replace("ca-login", "sign-document")],
    ["an origin with a path", (t: string) => t.replace("example.cn", "example.cn/login")],
    ["a short nonce", (t: string) => t.replace(challenge.nonce, "abc")],
    ["a non-canonical time", (t: string) => t.replace("08:00:00.000Z", "08:00:00Z")],
    ["expiry before issue", (t: string) => t.replace("08:02:00.000Z", "07:59:00.000Z")],
  ])("rejects %s", (_name, mutate) => {
    expect(() => parseChallenge(mutate(formatChallenge(challenge)))).toThrow(ChallengeFormatError);
  });

  it("accepts the maximum lifetime and refuses one millisecond more as a lifetime error", () => {
    const lasting = (ms: number) =>
      formatChallenge({ ...challenge, expiresAt: new Date(challenge.issuedAt.getTime() + ms) });
    expect(parseChallenge(lasting(MAX_CHALLENGE_LIFETIME_SECONDS * 1000)).nonce).toBe(challenge.nonce);
    expect(() => parseChallenge(lasting(MAX_CHALLENGE_LIFETIME_SECONDS * 1000 + 1))).toThrow(ChallengeLifetimeError);
    expect(() => parseChallenge(lasting(365 * 86_400_000))).toThrow(ChallengeLifetimeError);
  });
});
