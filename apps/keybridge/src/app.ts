import {
  KEYBRIDGE_PROTOCOL_VERSION,
  type KeybridgeRenewalResponse,
  type KeybridgeStatus,
  keybridgeErrorCodes,
  keybridgeImportRequestSchema,
  keybridgeRenewalRequestSchema,
  keybridgeRetireRequestSchema,
  type SignChallengeResponse,
  signChallengeRequestSchema,
} from "@lnca/contracts";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { z } from "zod";
import packageJson from "../package.json" with { type: "json" };
import type { KeybridgeBackend } from "./backend/backend";
import { checkChallenge } from "./challenge-check";
import { KeybridgeError } from "./errors";
import { importRenewedCertificate, requestRenewal, retireOldCertificate } from "./key-update";
import { createKeybridgeLogger } from "./logger";
import { installOriginPolicy } from "./security";

export interface KeybridgeAppOptions {
  backend: KeybridgeBackend;
  /** Exact origins (scheme://host[:port]) of the web pages allowed to use the keybridge. */
  allowedOrigins: readonly string[];
  /** A pino logger; silent when omitted (tests). */
  logger?: FastifyBaseLogger;
}

export function createKeybridgeApp({ backend, allowedOrigins, logger }: KeybridgeAppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger ?? createKeybridgeLogger("silent"),
    bodyLimit: 16 * 1024,
    // Clients and proxies have no business here; never trust forwarded headers.
    trustProxy: false,
    // Node would answer a Host-less HTTP/1.1 request itself with a bare 400; let the origin policy refuse it
    // with its coded 403 like every other wrong Host.
    http: { requireHostHeader: false },
  });
  installOriginPolicy(app, allowedOrigins);

  app.get("/v1/status", async (): Promise<KeybridgeStatus> => {
    return {
      name: "lnca-keybridge",
      version: packageJson.version,
      protocol: KEYBRIDGE_PROTOCOL_VERSION,
      backend: backend.kind,
    };
  });

  app.get("/v1/keys", async () => ({ keys: await backend.listKeys() }));

  app.post<{ Params: { keyId: string } }>(
    "/v1/keys/:keyId/sign-challenge",
    async (request): Promise<SignChallengeResponse> => {
      const { certId, pin, challenge } = parseBody(signChallengeRequestSchema, request.body);
      // The origin policy has already required an allowed Origin header.
      checkChallenge(challenge, request.headers.origin ?? "");
      const signed = await backend.signChallenge(request.params.keyId, certId, pin, challenge);
      return { ...signed, signature: signed.signature.toString("base64") };
    },
  );

  app.post<{ Params: { keyId: string } }>(
    "/v1/keys/:keyId/key-updates",
    async (request): Promise<KeybridgeRenewalResponse> =>
      requestRenewal(backend, request.params.keyId, parseBody(keybridgeRenewalRequestSchema, request.body)),
  );

  app.post<{ Params: { keyId: string; keyUpdateId: string } }>(
    "/v1/keys/:keyId/key-updates/:keyUpdateId/certificate",
    // A certificate with its chain is larger than the other requests (the contract allows five CA certificates).
    { bodyLimit: 128 * 1024 },
    async (request) =>
      importRenewedCertificate(
        backend,
        request.params.keyId,
        parseKeyUpdateId(request.params.keyUpdateId),
        parseBody(keybridgeImportRequestSchema, request.body),
      ),
  );

  app.post<{ Params: { keyId: string; keyUpdateId: string } }>(
    "/v1/keys/:keyId/key-updates/:keyUpdateId/retire",
    async (request) =>
      retireOldCertificate(
        backend,
        request.params.keyId,
        parseKeyUpdateId(request.params.keyUpdateId),
        parseBody(keybridgeRetireRequestSchema, request.body),
      ),
  );

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: "NOT_FOUND", message: keybridgeErrorCodes.NOT_FOUND } }),
  );

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof KeybridgeError) {
      const { code, message, triesLeft } = error;
      return reply
        .code(error.statusCode)
        .send({ error: { code, message, ...(triesLeft !== undefined && { triesLeft }) } });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const message = keybridgeErrorCodes.VALIDATION_FAILED;
      return reply.code(status).send({ error: { code: "VALIDATION_FAILED", message } });
    }
    request.log.error({ err: { type: (error as Error).name, message: (error as Error).message } }, "keybridge error");
    return reply.code(500).send({ error: { code: "TOKEN_ERROR", message: keybridgeErrorCodes.TOKEN_ERROR } });
  });

  app.addHook("onClose", async () => backend.close());
  return app;
}

/** A body that fails only on its PIN's length says so (the page shows it next to the PIN field). */
function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const pinOnly = parsed.error.issues.every((issue) => issue.path[0] === "pin");
  throw pinOnly ? new KeybridgeError("PIN_INVALID_FORMAT", 400) : new KeybridgeError("VALIDATION_FAILED", 400);
}

function parseKeyUpdateId(value: string): string {
  const parsed = keybridgeRenewalRequestSchema.shape.keyUpdateId.safeParse(value);
  if (!parsed.success) throw new KeybridgeError("VALIDATION_FAILED", 400, "密钥更新编号格式不正确");
  return parsed.data;
}
