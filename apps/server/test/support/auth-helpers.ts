/**
 * Test helpers for the login journeys (J1): an HTTP client with a cookie jar and the CSRF double-submit,
 * keys with certificates from the app's own built-in CA, identifiers that pass their standards' checks, and
 * the CA login → SMS → bind flow driven through the real HTTP API.
 */
import { CSRF_COOKIE, CSRF_HEADER } from "@lnca/contracts";
import {
  type CertificateProfile,
  type CryptoKey,
  type CryptoKeyPair,
  generateKeyPair,
  type KeyAlgorithm,
  signData,
} from "@lnca/pki";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { AppContext } from "../../src/app/context";
import type { TestApp } from "./test-app";

export const DAY_MS = 86_400_000;

let ipCounter = 0;
/** A distinct client address per client, so per-IP limits of one test do not bite another. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  /** Send the x-csrf-token header on unsafe methods (default true). */
  csrf?: boolean;
  headers?: Record<string, string>;
  /** Raw payload (string/Buffer) instead of JSON. */
  rawBody?: string | Buffer;
}

/** A browser-like client: keeps cookies, echoes the CSRF cookie in the header on unsafe requests. */
export class ApiClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly app: FastifyInstance,
    readonly ip: string = nextIp(),
  ) {}

  get(url: string, options: RequestOptions = {}) {
    return this.request("GET", url, undefined, options);
  }

  post(url: string, payload?: unknown, options: RequestOptions = {}) {
    return this.request("POST", url, payload, options);
  }

  async request(method: Method, url: string, payload?: unknown, options: RequestOptions = {}) {
    const unsafe = method !== "GET";
    if (unsafe && options.csrf !== false && !this.cookies.has(CSRF_COOKIE)) await this.get("/api/v1/health");
    const headers: Record<string, string> = { ...options.headers };
    if (unsafe && options.csrf !== false) headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE) ?? "";
    const body = options.rawBody ?? (payload === undefined ? undefined : JSON.stringify(payload));
    if (body !== undefined && !options.rawBody && !headers["content-type"])
      headers["content-type"] = "application/json";
    const response = await this.app.inject({
      method,
      url,
      headers,
      cookies: Object.fromEntries(this.cookies),
      remoteAddress: this.ip,
      ...(body === undefined ? {} : { payload: body }),
    });
    this.keepCookies(response);
    return response;
  }

  private keepCookies(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const cleared = c.value === "" || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (cleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

/** The `{ error: { code } }` of a response, or undefined. */
/** Asserts a coded error answer: its HTTP status and `error.code`. */
export function expectError(response: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: response.statusCode, code: errorCode(response) }).toEqual({ status, code });
}

export function errorCode(response: LightMyRequestResponse): string | undefined {
  try {
    return (response.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

// ── identifiers ─────────────────────────────────────────────────────────────────────────────────────────

const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** The n-th valid USCC (GB 32100 check character), Liaoning prefix. */
export function makeUscc(n: number): string {
  const body = `91210100MA${String(n).padStart(7, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(body.charAt(i)) * (3 ** i % 31);
  return body + USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The n-th valid resident ID number (GB 11643 check digit), Shenyang, born 1970-01-01 + n days. */
export function makeResidentId(n: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + n * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  const body = `210102${birth}${String(100 + (n % 900)).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return body + "10X98765432".charAt(sum % 11);
}

let mobileCounter = 0;
export function nextMobile(): string {
  mobileCounter += 1;
  return `139${String(mobileCounter).padStart(8, "0")}`;
}

let seq = 0;
/** A fresh enterprise, person or sequence number for one test file. */
export function nextSeq(): number {
  seq += 1;
  return seq;
}

export interface Enterprise {
  name: string;
  uscc: string;
}

export function newEnterprise(): Enterprise {
  const n = nextSeq();
  return { name: `辽宁测试第${n}建设工程有限公司`, uscc: makeUscc(n) };
}

export function organizationProfile(enterprise: Enterprise): CertificateProfile {
  return {
    holderKind: "organization",
    categoryCode: "unit_main",
    holderName: enterprise.name,
    enterpriseName: enterprise.name,
    uscc: enterprise.uscc,
    city: "沈阳市",
  };
}

export function personalProfile(input: {
  categoryCode: string;
  holderName?: string;
  idNumber?: string;
  enterprise?: Enterprise;
}): CertificateProfile {
  const n = nextSeq();
  return {
    holderKind: "personal",
    categoryCode: input.categoryCode,
    holderName: input.holderName ?? `持证人${n}`,
    idNumber: input.idNumber ?? makeResidentId(n),
    enterpriseName: input.enterprise?.name,
    uscc: input.enterprise?.uscc,
  };
}

// ── keys and certificates ───────────────────────────────────────────────────────────────────────────────

/** What a USB key holds: a key pair, its certificate and the chain below the root. */
export interface TestKey {
  algorithm: KeyAlgorithm;
  keys: CryptoKeyPair;
  certificatePem: string;
  chainPem: string[];
  serialNumber: string;
  profile: CertificateProfile;
}

/** A key with a certificate from the app's own (trusted) built-in CA, valid from yesterday for a year. */
export async function issueKey(
  ctx: AppContext,
  profile: CertificateProfile,
  options: { algorithm?: KeyAlgorithm; notBefore?: Date; notAfter?: Date } = {},
): Promise<TestKey> {
  const algorithm = options.algorithm ?? "EC-P256";
  const keys = await generateKeyPair(algorithm);
  const notBefore = options.notBefore ?? new Date(ctx.clock.now().getTime() - DAY_MS);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY_MS);
  const issued = await ctx.ca.issue({ profile, publicKey: keys.publicKey, notBefore, notAfter });
  return { algorithm, keys, profile, chainPem: ctx.ca.chainPem, ...issued };
}

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

/** A console client signed in as a new staff member of `role`. */
export async function staffClient(t: TestApp, role: "operator" | "reviewer"): Promise<ApiClient> {
  const username = `${role}${nextSeq()}`;
  const password = "correct horse battery staple";
  await t.ctx.staffAuth.create({ username, displayName: `测试${role}`, role, password });
  const client = new ApiClient(t.app);
  const response = await client.post("/api/v1/console/auth/login", { username, password });
  if (response.statusCode !== 200) throw new Error(`console login failed: ${response.body}`);
  return client;
}
