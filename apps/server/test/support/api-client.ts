/**
 * The HTTP test client: a browser-like client on the real app (cookie jar, CSRF double-submit, its own client
 * address), the coded-error helpers, and a console client signed in as new staff.
 */
import { CSRF_COOKIE, CSRF_HEADER } from "@lnca/contracts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { buildStaff } from "./factories";
import { nextSeq } from "./identifiers";
import type { TestApp } from "./test-app";

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

/** A multipart/form-data body with one file in the field `file`, as a browser's FormData sends it. */
export function multipartFile(bytes: Buffer, fileName: string, type = "application/octet-stream") {
  const boundary = `----lnca${nextSeq()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    rawBody: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** POSTs one file as the field `file` of a multipart form. */
export function uploadFile(client: ApiClient, url: string, bytes: Buffer, fileName: string, type?: string) {
  return client.request("POST", url, undefined, multipartFile(bytes, fileName, type));
}

/** Asserts a coded error answer: its HTTP status and `error.code`. */
export function expectError(response: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: response.statusCode, code: errorCode(response) }).toEqual({ status, code });
}

/** The `{ error: { code } }` of a response, or undefined. */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  try {
    return (response.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** A console client signed in as a new staff member of `role`. */
export async function staffClient(t: TestApp, role: "operator" | "reviewer"): Promise<ApiClient> {
  const { username, password } = await buildStaff(t.ctx, role);
  const client = new ApiClient(t.app);
  const response = await client.post("/api/v1/console/auth/login", { username, password });
  if (response.statusCode !== 200) throw new Error(`console login failed: ${response.body}`);
  return client;
}
