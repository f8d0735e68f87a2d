import type { FastifyInstance } from "fastify";

/**
 * Every API route the app serves, as "METHOD /path" (HEAD routes Fastify adds for GET are left out), read from
 * `printRoutes()`: tests that must cover every route compare their table against this list, so a new route
 * without a row fails them. The payment sandboxes' pages (/sandbox/…, demo mode only) are the payer's browser
 * talking to a stand-in provider, outside the API's permissions, CSRF and JSON rules, so they are not listed.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const pathAtDepth: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const [, indent = "", segment = "", methods] = match;
    const depth = indent.length / 4;
    pathAtDepth.length = depth;
    const path = (pathAtDepth[depth - 1] ?? "") + segment;
    pathAtDepth[depth] = path;
    for (const method of methods?.split(", ") ?? []) {
      if (method !== "HEAD") routes.push(`${method} ${path}`);
    }
  }
  return [...new Set(routes)].filter((route) => !route.includes(" /sandbox/")).sort();
}
