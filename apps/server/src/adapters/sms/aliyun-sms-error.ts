/**
 * A failed SendSms. The message carries Aliyun's Code and Message (or the kind of network failure) but never the
 * SMS parameters or credentials: Aliyun echoes its whole string to sign, phone number and verification code
 * included, in a SignatureDoesNotMatch message, and pop-core copies that message (plus the request URL) into
 * its own errors. So nothing from pop-core's error is kept as `cause`.
 */
export class AliyunSmsError extends Error {
  override readonly name = "AliyunSmsError";

  constructor(
    /** Aliyun's Code (e.g. `isv.BUSINESS_LIMIT_CONTROL`), or `NetworkError` / `InvalidResponse`. */
    readonly code: string,
    detail: string,
    readonly requestId: string | null = null,
  ) {
    super(
      `Aliyun SendSms failed: ${code}${detail ? ` (${detail})` : ""}${requestId ? `, RequestId ${requestId}` : ""}`,
    );
  }
}

const ECHOED_REQUEST = /[\s.]*server string to sign is:.*$/is;

/** Aliyun's Message without the echoed request, and with every value we sent masked in case it is quoted. */
export function safeProviderMessage(message: unknown, sentValues: readonly string[]): string {
  let text = typeof message === "string" ? message.replace(ECHOED_REQUEST, "") : "";
  for (const value of sentValues) {
    if (value) text = text.split(value).join("***");
  }
  return text.slice(0, 200);
}

/** pop-core rejects with its own Error for a non-OK Code, an httpx Error for network trouble, and a plain object from json-bigint for a non-JSON body. */
export function fromPopCoreRejection(rejection: unknown, sentValues: readonly string[]): AliyunSmsError {
  const error = (typeof rejection === "object" && rejection !== null ? rejection : {}) as {
    name?: unknown;
    code?: unknown;
    data?: { Code?: unknown; Message?: unknown; RequestId?: unknown };
  };
  if (typeof error.data?.Code === "string") {
    const requestId = typeof error.data.RequestId === "string" ? error.data.RequestId : null;
    return new AliyunSmsError(error.data.Code, safeProviderMessage(error.data.Message, sentValues), requestId);
  }
  if (error.name === "SyntaxError") return new AliyunSmsError("InvalidResponse", "the endpoint did not answer JSON");
  // httpx names timeouts (RequestTimeoutError); Node names socket failures by code (ECONNREFUSED, ECONNRESET).
  const kind = [error.name, error.code].filter((part) => typeof part === "string").join(" ");
  return new AliyunSmsError("NetworkError", kind);
}
