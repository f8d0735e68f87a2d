import { CSRF_COOKIE, CSRF_HEADER } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, staffClient } from "../../../test/support/api-client";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

/** The console routes whose permission depends on the role, by the permission they name. */
const ROUTE_OF = {
  "console.session": "GET /api/v1/console/auth/session",
  "console.sms_outbox.read": "GET /api/v1/console/sms-outbox",
  "console.registry.import": "POST /api/v1/console/certificate-registry/import",
} as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
});
afterAll(() => t?.close());

/** The staff member as the console session reports them (what the console shows is read from this). */
const sessionOf = async (client: ApiClient) => (await client.get("/api/v1/console/auth/session")).json().staff;

describe("the console session without one", () => {
  it("answers { staff: null }, not an error, to an anonymous caller and after logout", async () => {
    const anonymous = await new ApiClient(t.app).get("/api/v1/console/auth/session");
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ staff: null });

    const client = await staffClient(t, "operator");
    expect(await sessionOf(client)).toMatchObject({ role: "operator" });
    expect((await client.post("/api/v1/console/auth/logout", {})).statusCode).toBe(204);
    const after = await client.get("/api/v1/console/auth/session");
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ staff: null });
  });
});

describe("the console session tells each role what it may do", () => {
  it("a reviewer may read the catalog but not import the registry or read the SMS outbox", async () => {
    const staff = await sessionOf(await staffClient(t, "reviewer"));
    expect(staff.role).toBe("reviewer");
    expect(staff.permissions).toContain("console.catalog.read");
    expect(staff.permissions).not.toContain("console.registry.import");
    expect(staff.permissions).not.toContain("console.sms_outbox.read");
  });

  it("the list is the server's answer: each route lets a role through exactly when its list names it", async () => {
    const wrong: string[] = [];
    for (const role of ["reviewer", "operator"] as const) {
      const client = await staffClient(t, role);
      const { permissions } = await sessionOf(client);
      for (const [permission, route] of Object.entries(ROUTE_OF)) {
        const [method, url] = route.split(" ") as ["GET" | "POST", string];
        const response = await t.app.inject({
          method,
          url,
          cookies: { ...Object.fromEntries(client.cookies), [CSRF_COOKIE]: "x" },
          headers: { [CSRF_HEADER]: "x" },
        });
        const allowed = response.statusCode !== 401 && response.statusCode !== 403;
        if (allowed !== permissions.includes(permission)) wrong.push(`${role} ${route}: ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
