import "@fastify/cookie";
import { CSRF_COOKIE, CSRF_HEADER } from "@lnca/contracts";
import type { FastifyInstance } from "fastify";
import { newSecretToken } from "../shared/ids";
import { body } from "./error-handler";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Double-submit CSRF protection for the browser API: every response without the cookie sets a random
 * `lnca_csrf` cookie (readable by the page, SameSite=Strict); unsafe requests must echo it in `x-csrf-token`.
 * A cross-site page can neither read the cookie nor set the header. Routes for other servers (payment
 * notifications, the platform interop API) and side-effect-free public computations opt out.
 */
export function registerCsrfProtection(app: FastifyInstance, opts: { secureCookies: boolean }): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const cookie = request.cookies[CSRF_COOKIE];
    if (!cookie) {
      reply.setCookie(CSRF_COOKIE, newSecretToken(), {
        path: "/",
        sameSite: "strict",
        secure: opts.secureCookies,
        httpOnly: false,
      });
    }
    if (!UNSAFE.has(request.method) || request.routeOptions.config.csrfExempt) return;
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== "string" || header !== cookie) {
      return reply.status(403).send(body("CSRF_TOKEN_INVALID"));
    }
  });
}
