import { createJsonSchemaTransform } from "fastify-type-provider-zod";
import { STAFF_SESSION_COOKIE, USER_SESSION_COOKIE } from "../features/auth/sessions.service";
import { anonymous } from "../features/policy/actor";
import { can, isConsolePermission, type Permission } from "../features/policy/policy";

const CSRF_NOTE = "POST 等写操作另须带 CSRF 双提交：请求头 x-csrf-token 与 Cookie lnca_csrf 相同。";

/** The two session cookies, as the actor resolution reads them (http/actor.ts). */
export const securitySchemes = {
  userSession: {
    type: "apiKey",
    in: "cookie",
    name: USER_SESSION_COOKIE,
    description: `用户端会话（CA 登录、绑定或短信登录后设置）。${CSRF_NOTE}`,
  },
  staffSession: {
    type: "apiKey",
    in: "cookie",
    name: STAFF_SESSION_COOKIE,
    description: `运营后台会话（运营后台登录后设置）。${CSRF_NOTE}`,
  },
  platformKey: {
    type: "http",
    scheme: "bearer",
    description: "交易平台的平台密钥（lnpk_…，运营后台「平台互通」生成），用于 /interop 接口；无需 CSRF。",
  },
} as const;

/**
 * The session an operation needs, from its route's permission: none when an anonymous caller may use it,
 * else the staff session for console permissions and the user session for the rest.
 */
export function securityFor(permission: Permission | undefined): Array<Record<string, string[]>> | undefined {
  if (!permission || can(anonymous, permission)) return undefined;
  return [{ [isConsolePermission(permission) ? "staffSession" : "userSession"]: [] }];
}

const zodTransform = createJsonSchemaTransform({ skipList: ["/api/v1/openapi.json", "/api/v1/docs/*"] });

/** Zod schemas to JSON Schema, plus each operation's `security` derived from its permission. */
export const openApiTransform: typeof zodTransform = (input) => {
  const result = zodTransform(input);
  const security = securityFor(input.route.config?.permission);
  if (!security || (result.schema as { hide?: boolean }).hide) return result;
  return { ...result, schema: { ...result.schema, security } };
};
