import type { Actor } from "../features/policy/actor";
import type { Permission } from "../features/policy/policy";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every API route names its permission; the app refuses to start with one that does not. */
    permission?: Permission;
    /** Server-to-server or side-effect-free routes that need no CSRF token. */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}
