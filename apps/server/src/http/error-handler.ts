import { type ErrorCode, errorCatalog } from "@lnca/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../shared/app-error";

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_JSON_BODY: "BAD_REQUEST",
  // PostgreSQL refuses text with a NUL character ("invalid byte sequence for encoding UTF8: 0x00"): only a
  // client can put one in a value, so it is a bad request, not a server error.
  "22021": "BAD_REQUEST",
};

/**
 * Maps every error to `{ error: { code, message } }`: AppError as thrown, schema validation failures to
 * VALIDATION_FAILED with the failing fields, Fastify's own client errors to their codes. Anything else is a
 * bug: logged in full, answered with a generic INTERNAL_ERROR that leaks nothing.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || error.validationContext || "",
        message: v.message,
      }));
      const first = fields[0];
      const message = first
        ? `提交的信息有误：${first.field} ${first.message}`
        : errorCatalog.VALIDATION_FAILED.message;
      return reply.status(400).send(body("VALIDATION_FAILED", message, { fields }));
    }
    // Two requests raced past the same check and a unique constraint refused the later one: retry, not a bug.
    if (isUniqueViolation(error)) {
      request.log.warn({ err: error }, "unique constraint conflict");
      return reply.status(409).send(body("STATE_CONFLICT"));
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return reply.status(errorCatalog[mapped].status).send(body(mapped));
    if (error.statusCode === 429) return reply.status(429).send(body("RATE_LIMITED"));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, "client error");
      return reply.status(error.statusCode).send(body("BAD_REQUEST"));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send(body("INTERNAL_ERROR"));
  });
}

export function body(code: ErrorCode, message?: string, details?: unknown) {
  return { error: { code, message: message ?? errorCatalog[code].message, ...(details ? { details } : {}) } };
}
