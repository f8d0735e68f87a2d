import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app";

const KEYBRIDGE = "http://127.0.0.1:47123";
let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = await mkdtemp(path.join(tmpdir(), "lnca-web-"));
  await writeFile(
    path.join(webDist, "index.html"),
    '<!doctype html><script type="module" src="/assets/a.js"></script>',
  );
  t = await createTestApp({ config: { webDist, keybridgeUrl: KEYBRIDGE } });
});
afterAll(async () => {
  await t?.close();
  await rm(webDist, { recursive: true, force: true });
});

function directives(csp: unknown): Map<string, string[]> {
  return new Map(
    String(csp)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...values]) => [name, values]),
  );
}

describe("browser protections", () => {
  it.each([
    ["an HTML page", "/console/login"],
    ["the API", "/api/v1/catalog/platforms"],
    ["an API error", "/api/v1/no-such-route"],
  ])("%s answers with CSP, no framing, COOP and a Permissions-Policy", async (_, url) => {
    const response = await t.app.inject(url);
    const csp = directives(response.headers["content-security-policy"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("connect-src")).toEqual(["'self'", KEYBRIDGE]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    const permissions = String(response.headers["permissions-policy"]);
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(permissions).toContain(`${feature}=()`);
    }
  });

  it("the HTML page is the web app's", async () => {
    const response = await t.app.inject("/console/login");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
  });
});
