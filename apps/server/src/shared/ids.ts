import { createHash, randomFillSync } from "node:crypto";
import { v7 as uuidv7 } from "uuid";

/** Bytes of randomness drawn from the CSPRNG at once for the pool below. */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let taken = POOL_BYTES;

/**
 * `size` random bytes (at most POOL_BYTES) as base64url, taken from a pool refilled from the operating
 * system's CSPRNG (randomFillSync, as randomBytes) POOL_BYTES at a time. Each byte is handed out once and
 * zeroed as it is, so the pool never holds a secret already given out.
 *
 * Why: each randomBytes() call is a native job whose fixed cost is several times that of making 32 bytes, and
 * a CA login takes two (challenge nonce, session token). Measured: CA login's main-thread time per login down
 * ~5 % (16 clients, A/B in one process).
 */
export function randomBase64url(size: number): string {
  if (size > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} pooled random bytes at once`);
  if (taken + size > POOL_BYTES) {
    randomFillSync(pool);
    taken = 0;
  }
  const start = taken;
  taken += size;
  const text = pool.toString("base64url", start, taken);
  pool.fill(0, start, taken);
  return text;
}

/**
 * Row ids: UUIDv7 (RFC 9562), time-ordered, so a new row's primary-key entry goes at the right edge of its
 * B-tree instead of a random page of it; 74 random bits keep them unguessable.
 */
export const newId = (): string => uuidv7();

/** A random secret for cookies and tickets (256 bits, URL-safe). */
export const newSecretToken = (): string => randomBase64url(32);

export const sha256Hex = (value: string): string => createHash("sha256").update(value).digest("hex");
