import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app/context";
import { STAFF_SESSION_COOKIE, USER_SESSION_COOKIE } from "../features/auth/sessions.service";
import { type Actor, anonymous } from "../features/policy/actor";
import { can, isConsolePermission } from "../features/policy/policy";
import { body } from "./error-handler";

/** Resolves who is asking from the session cookie, then applies the route's permission before its handler. */
export function registerActorResolution(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("actor", { getter: () => anonymous, setter: () => {} });
  // Before validation: a caller without the permission learns nothing about the body it should send.
  app.addHook("preValidation", async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    const console = isConsolePermission(permission);
    const token = request.cookies[console ? STAFF_SESSION_COOKIE : USER_SESSION_COOKIE];
    const resolved = await ctx.sessions.resolve(ctx.database.db, token, console ? "staff" : "user");
    const actor: Actor = resolved ? { ...resolved, ip: request.ip } : { kind: "anonymous", ip: request.ip };
    Object.defineProperty(request, "actor", { value: actor, writable: true });
    if (!can(actor, permission)) {
      const code = actor.kind === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN";
      return reply.status(code === "UNAUTHENTICATED" ? 401 : 403).send(body(code));
    }
  });
}
