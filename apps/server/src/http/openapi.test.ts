import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, staffClient } from "../../test/support/api-client";
import { buildPlatformCredentials, issueKey, personalProfile } from "../../test/support/factories";
import { nextMobile } from "../../test/support/identifiers";
import { boundUser } from "../../test/support/journeys";
import { createTestApp, type TestApp } from "../../test/support/test-app";
import { policy } from "../features/policy/policy";
import { securityFor } from "./openapi";

interface Operation {
  method: string;
  path: string;
  security?: Array<Record<string, string[]>>;
}

let t: TestApp;
let doc: {
  paths: Record<string, Record<string, { security?: Operation["security"] }>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
};
let operations: Operation[];
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  doc = (await t.app.inject("/api/v1/openapi.json")).json();
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, security: op.security })),
  );
});
afterAll(() => t?.close());

describe("OpenAPI security, from each route's permission", () => {
  it("defines the two session cookies as the server sets them", async () => {
    const staff = await staffClient(t, "operator");
    const { userSession, staffSession } = doc.components.securitySchemes;
    expect(userSession).toMatchObject({ type: "apiKey", in: "cookie", name: "lnca_session" });
    expect(staffSession).toMatchObject({ type: "apiKey", in: "cookie", name: "lnca_console_session" });
    expect(staff.cookies.has(staffSession?.name ?? "")).toBe(true);
  });

  it("every operation an anonymous caller is refused says which session (or platform key) it needs; the others need none", async () => {
    expect(operations.length).toBeGreaterThan(10);
    const operator = await staffClient(t, "operator");
    const user = await boundUser(t, await issueKey(t.ctx, personalProfile({ categoryCode: "project_lead" })), {
      mobile: nextMobile(),
    });
    const { apiKey: platformKey } = await buildPlatformCredentials(t.ctx, "ln-jsgc");
    const wrong: string[] = [];
    for (const op of operations) {
      const anonymous = await new ApiClient(t.app).request(op.method as "GET" | "POST", op.path, {});
      const refused = anonymous.statusCode === 401;
      if (refused !== (op.security !== undefined)) wrong.push(`${op.method} ${op.path}: security ${op.security}`);
      // The named session gets past authentication.
      if (op.security?.[0]?.staffSession) {
        const asStaff = await operator.request(op.method as "GET" | "POST", op.path, {});
        if (asStaff.statusCode === 401) wrong.push(`${op.method} ${op.path}: staff session refused`);
      } else if (op.security?.[0]?.userSession) {
        const asUser = await user.request(op.method as "GET" | "POST", op.path, {});
        if (asUser.statusCode === 401) wrong.push(`${op.method} ${op.path}: user session refused`);
      } else if (op.security?.[0]?.platformKey) {
        const headers = { authorization: `Bearer ${platformKey}` };
        const asPlatform = await new ApiClient(t.app).request(
          op.method as "POST",
          op.path,
          {},
          { csrf: false, headers },
        );
        if (asPlatform.statusCode === 401) wrong.push(`${op.method} ${op.path}: platform key refused`);
      } else if (op.security) wrong.push(`${op.method} ${op.path}: unexpected scheme ${JSON.stringify(op.security)}`);
    }
    expect(wrong).toEqual([]);
    expect(operations.some((op) => op.security)).toBe(true);
  });

  it("maps every permission: public ones to none, console ones to the staff session, the rest to the user's", () => {
    const mapped = Object.fromEntries(
      Object.keys(policy).map((p) => [p, securityFor(p as keyof typeof policy)?.[0] ?? null]),
    );
    expect(mapped).toMatchObject({
      public: null,
      "session.read": null,
      "console.login": null,
      "console.session": null,
      "console.registry.import": { staffSession: [] },
    });
    for (const [permission, scheme] of Object.entries(mapped)) {
      if (scheme && !permission.startsWith("console.")) expect(scheme).toEqual({ userSession: [] });
    }
  });
});
