/** Double-submit CSRF: every unsafe API request must echo the `lnca_csrf` cookie in `x-csrf-token`. */
import { CSRF_COOKIE, CSRF_HEADER } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, errorCode, nextIp, staffClient } from "../../../test/support/api-client";
import { nextMobile } from "../../../test/support/identifiers";
import { listRoutes } from "../../../test/support/routes";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

/** Unsafe routes that other servers or side-effect-free computations call without the token. */
/** Side-effect-free public computations, and the payment providers' notifications (servers, not browsers). */
const EXEMPT = new Set([
  "POST /api/v1/catalog/quote",
  "POST /api/v1/payments/alipay/notify",
  "POST /api/v1/payments/wechat/notify",
  // The trading platforms' API: authenticated by the platform key in a header a browser never sends by itself.
  "POST /api/v1/interop/verify",
]);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
});
afterAll(() => t?.close());

const unsafeRoutes = () => listRoutes(t.app).filter((r) => !r.startsWith("GET ") && !EXEMPT.has(r));

function post(url: string, options: { cookie?: string; header?: string; cookies?: Record<string, string> } = {}) {
  return t.app.inject({
    method: "POST",
    url,
    cookies: { ...options.cookies, ...(options.cookie === undefined ? {} : { [CSRF_COOKIE]: options.cookie }) },
    headers: options.header === undefined ? {} : { [CSRF_HEADER]: options.header },
    remoteAddress: nextIp(),
    payload: { mobile: nextMobile(), purpose: "bind" },
  });
}

describe("CSRF double submit", () => {
  it("hands out a readable, SameSite=Strict token cookie on the first API response", async () => {
    const response = await t.app.inject("/api/v1/health");
    const cookie = response.cookies.find((c) => c.name === CSRF_COOKIE);
    expect(cookie).toMatchObject({ sameSite: "Strict", path: "/" });
    expect(cookie?.httpOnly).toBeFalsy();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
  });

  it("refuses every unsafe route without the header, with another value, or without the cookie: 403 CSRF_TOKEN_INVALID", async () => {
    const routes = unsafeRoutes();
    expect(routes).toContain("POST /api/v1/auth/ca-login");
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.split(" ")[1] ?? "";
      for (const [what, options] of [
        ["no header", { cookie: "token-1" }],
        ["other header", { cookie: "token-1", header: "token-2" }],
        ["no cookie", { header: "token-1" }],
        ["empty both", { cookie: "", header: "" }],
      ] as const) {
        const response = await post(url, options);
        if (response.statusCode !== 403 || errorCode(response) !== "CSRF_TOKEN_INVALID") {
          failures.push(`${route} ${what}: ${response.statusCode} ${errorCode(response)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("does nothing on a refused request: no SMS is queued", async () => {
    const mobile = nextMobile();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sms-code",
      cookies: { [CSRF_COOKIE]: "a" },
      payload: { mobile, purpose: "bind" },
    });
    expect(errorCode(response)).toBe("CSRF_TOKEN_INVALID");
    const sent = await t.ctx.database.db.selectFrom("sms_messages").select("id").where("mobile", "=", mobile).execute();
    expect(sent).toHaveLength(0);
  });

  it("a signed-in operator without the header is refused too", async () => {
    const operator = await staffClient(t, "operator");
    const response = await operator.post(
      "/api/v1/console/certificate-registry/import",
      { csv: "serial,issuer\n" },
      { csrf: false },
    );
    expect({ status: response.statusCode, code: errorCode(response) }).toEqual({
      status: 403,
      code: "CSRF_TOKEN_INVALID",
    });
    expect(
      (await operator.post("/api/v1/console/certificate-registry/import", { csv: "serial,issuer\n" })).statusCode,
    ).toBe(200);
  });

  it("lets the matching pair through, and the exempt quote without one", async () => {
    const client = new ApiClient(t.app);
    expect((await client.post("/api/v1/auth/challenge")).statusCode).toBe(200);
    const quote = await t.app.inject({
      method: "POST",
      url: "/api/v1/catalog/quote",
      payload: { items: [{ categoryCode: "unit_main", platformCodes: ["ln-jsgc"] }] },
    });
    expect(quote.statusCode).toBe(200);
  });
});
