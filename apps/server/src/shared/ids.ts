import { createHash, randomBytes } from "node:crypto";
import { v7 as uuidv7 } from "uuid";

/**
 * Row ids: UUIDv7 (RFC 9562), time-ordered, so a new row's primary-key entry goes at the right edge of its
 * B-tree instead of a random page of it; 74 random bits keep them unguessable.
 */
export const newId = (): string => uuidv7();

/** A random secret for cookies and tickets (256 bits, URL-safe). */
export const newSecretToken = (): string => randomBytes(32).toString("base64url");

export const sha256Hex = (value: string): string => createHash("sha256").update(value).digest("hex");
