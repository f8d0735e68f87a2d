import { CSRF_COOKIE, CSRF_HEADER } from "@lnca/contracts";

/** An error the UI can show as is (`message`, zh-CN) and branch on (`code`). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Extra fields of the error body (e.g. the keybridge's `triesLeft`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Status used for "the request never got an answer" so callers can tell it from HTTP errors. */
export const NETWORK_ERROR = "NETWORK_ERROR";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** The server sets the CSRF cookie on any GET; fetch one first if the page has not made a GET yet. */
async function csrfToken(): Promise<string | null> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  try {
    await fetch("/api/v1/public-config", { credentials: "same-origin" });
  } catch {
    // The unsafe request itself will report the network failure.
  }
  return readCookie(CSRF_COOKIE);
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Only the platform's own API takes the CSRF header; the keybridge is another origin and would reject it. */
  csrf?: boolean;
  /** Extra request headers (an `Idempotency-Key`). */
  headers?: Record<string, string>;
  /**
   * Local Network Access (Chrome 142+, Edge 143+): a request to the keybridge on 127.0.0.1 says it targets the
   * loopback address space, so the browser asks the user's permission instead of failing it.
   */
  targetAddressSpace?: "loopback";
}

/** Turns any non-2xx answer into an ApiError, keeping the server's code and zh-CN message. */
async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message, ...rest } = body.error ?? {};
    if (typeof code === "string" && typeof message === "string") {
      return new ApiError(code, message, response.status, rest);
    }
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic message.
  }
  return new ApiError(
    `HTTP_${response.status}`,
    `服务暂时不可用（HTTP ${response.status}），请稍后再试`,
    response.status,
  );
}

/**
 * JSON fetch against an absolute or same-origin URL. The platform API gets cookies and the CSRF header;
 * `networkMessage` is what the user reads when nothing answers at all.
 */
export async function requestJson<T>(
  url: string,
  options: RequestOptions = {},
  networkMessage = "无法连接服务器，请检查网络后重试",
): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { ...options.headers, accept: "application/json" };
  // A FormData body (a file upload) sets its own multipart content type with its boundary.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers["content-type"] = "application/json";
  if (options.csrf && UNSAFE_METHODS.has(method)) {
    const token = await csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
      ...(options.targetAddressSpace ? { targetAddressSpace: options.targetAddressSpace } : {}),
    } as RequestInit);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(NETWORK_ERROR, networkMessage, 0);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Calls the platform API under /api/v1. */
export function api<T>(path: string, options?: RequestOptions): Promise<T> {
  return requestJson<T>(`/api/v1${path}`, { ...options, csrf: true });
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "操作失败，请稍后再试";
}
