/**
 * The login challenge: the exact text a USB key signs to prove possession of its private key.
 *
 * It is versioned and domain-separated so a signature made for it can never be taken for anything else
 * (a CSR, a document signature, another site's login): the first line names the format and version, and
 * the signed lines bind the purpose, the web origin the user is on, a one-time nonce and its lifetime.
 * The keybridge signs only text that parses here and whose origin equals the requesting page's origin.
 */
export const CHALLENGE_HEADER = "LNCA-AUTH-CHALLENGE v1";
export const challengePurposes = ["ca-login"] as const;
export type ChallengePurpose = (typeof challengePurposes)[number];

export interface Challenge {
  purpose: ChallengePurpose;
  origin: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The longest lifetime (expires-at − issued-at) a challenge may claim. The server's CHALLENGE_TTL_SECONDS is
 * capped by it and the keybridge refuses to sign anything longer, so a signature made for one login can never
 * serve for a year of replays.
 */
export const MAX_CHALLENGE_LIFETIME_SECONDS = 600;

const FIELDS = ["purpose", "origin", "nonce", "issued-at", "expires-at"] as const;

export function formatChallenge(challenge: Challenge): string {
  return [
    CHALLENGE_HEADER,
    `purpose: ${challenge.purpose}`,
    `origin: ${challenge.origin}`,
    `nonce: ${challenge.nonce}`,
    `issued-at: ${challenge.issuedAt.toISOString()}`,
    `expires-at: ${challenge.expiresAt.toISOString()}`,
  ].join("\n");
}

export class ChallengeFormatError extends Error {}
/** A well-formed challenge that claims a lifetime over MAX_CHALLENGE_LIFETIME_SECONDS. */
export class ChallengeLifetimeError extends ChallengeFormatError {}

/** Parses a challenge text strictly: exact header, exact field order, nothing extra. */
export function parseChallenge(text: string): Challenge {
  const lines = text.split("\n");
  if (lines.length !== FIELDS.length + 1 || lines[0] !== CHALLENGE_HEADER) {
    throw new ChallengeFormatError("not a login challenge");
  }
  const values = FIELDS.map((field, i) => {
    const line = lines[i + 1] ?? "";
    const prefix = `${field}: `;
    if (!line.startsWith(prefix)) throw new ChallengeFormatError(`expected ${field}`);
    return line.slice(prefix.length);
  });
  const [purpose, origin, nonce, issuedAt, expiresAt] = values as [string, string, string, string, string];
  if (!(challengePurposes as readonly string[]).includes(purpose)) throw new ChallengeFormatError("unknown purpose");
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)) throw new ChallengeFormatError("bad origin");
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(nonce)) throw new ChallengeFormatError("bad nonce");
  const issued = parseIsoInstant(issuedAt);
  const expires = parseIsoInstant(expiresAt);
  if (expires <= issued) throw new ChallengeFormatError("expires before issued");
  if (expires.getTime() - issued.getTime() > MAX_CHALLENGE_LIFETIME_SECONDS * 1000) {
    throw new ChallengeLifetimeError("lifetime too long");
  }
  return { purpose: purpose as ChallengePurpose, origin, nonce, issuedAt: issued, expiresAt: expires };
}

function parseIsoInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== value) throw new ChallengeFormatError("bad time");
  return date;
}
