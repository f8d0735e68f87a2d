/**
 * The login journeys (J1) driven through the real HTTP API as the page and the keybridge would: challenge,
 * CA login, SMS code, bind.
 */
import { type CryptoKey, type KeyAlgorithm, signData } from "@lnca/pki";
import type { AppContext } from "../../src/app/context";
import { ApiClient } from "./api-client";
import type { TestKey } from "./factories";
import type { TestApp } from "./test-app";

export const signatureAlgorithmOf = (alg: KeyAlgorithm) => (alg === "EC-P256" ? "ecdsa-sha256" : "rsa-pkcs1-sha256");

export async function getChallenge(client: ApiClient) {
  const response = await client.post("/api/v1/auth/challenge");
  if (response.statusCode !== 200) throw new Error(`challenge failed: ${response.body}`);
  return response.json() as { challengeId: string; challenge: string; expiresAt: string };
}

export interface CaLoginOverrides {
  challenge?: { challengeId: string; challenge: string };
  /** Sign with another private key. */
  signWith?: CryptoKey;
  /** Sign other text than the challenge. */
  signedText?: (challenge: string) => string;
  certificatePem?: string;
  chainPem?: string[];
}

/** POST /auth/ca-login for `key`, signing a fresh (or the given) challenge as the keybridge would. */
export async function caLogin(client: ApiClient, key: TestKey, overrides: CaLoginOverrides = {}) {
  const challenge = overrides.challenge ?? (await getChallenge(client));
  const text = overrides.signedText ? overrides.signedText(challenge.challenge) : challenge.challenge;
  const signature = await signData(overrides.signWith ?? key.keys.privateKey, key.algorithm, Buffer.from(text, "utf8"));
  return client.post("/api/v1/auth/ca-login", {
    challengeId: challenge.challengeId,
    certificatePem: overrides.certificatePem ?? key.certificatePem,
    chainPem: overrides.chainPem ?? key.chainPem,
    signature: Buffer.from(signature).toString("base64"),
    signatureAlgorithm: signatureAlgorithmOf(key.algorithm),
  });
}

/** The six-digit code of the latest SMS sent to `mobile`, read from the outbox table. */
export async function latestSmsCode(ctx: AppContext, mobile: string): Promise<string> {
  const row = await ctx.database.db
    .selectFrom("sms_messages")
    .select(["content"])
    .where("mobile", "=", mobile)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const code = row ? /\d{6}/.exec(row.content)?.[0] : undefined;
  if (!code) throw new Error(`no SMS code for ${mobile}`);
  return code;
}

/** Requests an SMS code through the API and reads it back. */
export async function sendSmsCode(t: TestApp, client: ApiClient, mobile: string, purpose: "bind" | "login") {
  const response = await client.post("/api/v1/auth/sms-code", { mobile, purpose });
  if (response.statusCode !== 200) throw new Error(`sms-code failed: ${response.body}`);
  return latestSmsCode(t.ctx, mobile);
}

export interface BindDetails {
  mobile: string;
  idNumber?: string;
  name?: string;
}

/** First CA login with an unbound key, then SMS + bind; returns the bind response (session kept by client). */
export async function loginAndBind(t: TestApp, client: ApiClient, key: TestKey, details: BindDetails) {
  const login = await caLogin(client, key);
  const body = login.json();
  if (body.status !== "binding_required") throw new Error(`expected binding_required: ${login.body}`);
  const smsCode = await sendSmsCode(t, client, details.mobile, "bind");
  return client.post("/api/v1/auth/bind", { bindingTicket: body.bindingTicket, smsCode, ...details });
}

/** A signed-in portal user who bound `key`; the client holds the session. */
export async function boundUser(t: TestApp, key: TestKey, details: BindDetails): Promise<ApiClient> {
  const client = new ApiClient(t.app);
  const response = await loginAndBind(t, client, key, details);
  if (response.statusCode !== 200) throw new Error(`bind failed: ${response.body}`);
  return client;
}

/** A signed-in portal user whose key is already bound (a returning key's CA login); the client holds the session. */
export async function signedIn(t: TestApp, key: TestKey): Promise<ApiClient> {
  const client = new ApiClient(t.app);
  const response = await caLogin(client, key);
  if (response.json().status !== "logged_in") throw new Error(`login failed: ${response.body}`);
  return client;
}

/** The latest SMS queued to `mobile` (its template and text), as the outbox holds it. */
export function lastSmsTo(ctx: AppContext, mobile: string) {
  return ctx.database.db
    .selectFrom("sms_messages")
    .select(["template", "content"])
    .where("mobile", "=", mobile)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}
