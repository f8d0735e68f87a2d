import "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RequestMeta } from "../features/auth/ca-login.service";

export function setSessionCookie(reply: FastifyReply, name: string, token: string, secure: boolean): void {
  reply.setCookie(name, token, { path: "/", httpOnly: true, sameSite: "lax", secure });
}

export function clearSessionCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: "/" });
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers["user-agent"];
  return { ip: request.ip ?? null, userAgent: typeof agent === "string" ? agent : null };
}
