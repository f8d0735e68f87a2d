import type { AddressInfo } from "node:net";
import { keybridgeErrorCodes } from "@lnca/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost"]);

/**
 * Who may talk to the keybridge. Any web page can send requests to 127.0.0.1, so the keybridge answers
 * only pages of the configured origins (the platform itself): every request must carry an allowed Origin
 * header (browsers always send one on cross-origin requests and on POST), and the Host header must name
 * the loopback address and our port, which a DNS-rebinding page (evil.example resolving to 127.0.0.1)
 * cannot fake. CORS and Private Network Access headers go only to allowed origins.
 */
export function installOriginPolicy(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);

  app.addHook("onRequest", async (request, reply) => {
    if (!hostIsLoopback(app, singleHost(request.raw.rawHeaders))) return forbid(reply, "拒绝访问：主机名不正确");
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return forbid(reply, keybridgeErrorCodes.ORIGIN_FORBIDDEN);

    reply.header("Access-Control-Allow-Origin", origin);
    reply.header("Vary", "Origin");
    if (request.method !== "OPTIONS") return;
    reply.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    reply.header("Access-Control-Allow-Headers", "content-type");
    reply.header("Access-Control-Max-Age", "600");
    // Chrome's Private Network Access: a public page must be told explicitly it may reach this local server.
    if (request.headers["access-control-request-private-network"] === "true") {
      reply.header("Access-Control-Allow-Private-Network", "true");
    }
    return reply.code(204).send();
  });
}

/** The Host header when there is exactly one; Node keeps only the first of several, which would hide a second. */
function singleHost(rawHeaders: string[]): string | undefined {
  const hosts: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === "host") hosts.push(rawHeaders[i + 1] ?? "");
  }
  return hosts.length === 1 ? hosts[0] : undefined;
}

function hostIsLoopback(app: FastifyInstance, host: string | undefined): boolean {
  if (!host) return false;
  const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match || !LOOPBACK_NAMES.has((match[1] ?? "").toLowerCase())) return false;
  // When listening, the port must be ours too; `inject()` in tests has no socket to compare with.
  const address = app.server.address() as AddressInfo | null;
  return !address || Number(match[2]) === address.port;
}

function forbid(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(403).send({ error: { code: "ORIGIN_FORBIDDEN", message } });
}
