/**
 * Coded errors, never 500: malformed bodies fired at every POST and PUT route of the app answer 4xx with an
 * `error.code` from the catalogue. Every such route needs an entry below (a new one without it fails).
 */
import { CSRF_COOKIE, CSRF_HEADER, errorCatalog } from "@lnca/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, nextIp, staffClient } from "../../../test/support/api-client";
import {
  basicInfoFor,
  buildBoundToken,
  buildPlatformCredentials,
  invoicingInfoFor,
  newEnterprise,
} from "../../../test/support/factories";
import { signedIn } from "../../../test/support/journeys";
import { listRoutes } from "../../../test/support/routes";
import { createTestApp, type TestApp } from "../../../test/support/test-app";

const someIdentity = "/api/v1/identities/0192b6f0-0000-7000-8000-000000000000";
const someAdminApplication = "/api/v1/console/admin-applications/0192b6f0-0000-7000-8000-000000000000";
const someInformation = "/api/v1/enterprises/0192b6f0-0000-7000-8000-000000000000/information";
const someOrder = "/api/v1/renewal-orders/0192b6f0-0000-7000-8000-000000000000";
const someKeyUpdate = "/api/v1/key-updates/0192b6f0-0000-7000-8000-000000000000";
const someReview = "/api/v1/console/enterprise-reviews/0192b6f0-0000-7000-8000-000000000000";
const someInvoiceRequest = "/api/v1/console/invoice-requests/0192b6f0-0000-7000-8000-000000000000";
const somePlatform = "/api/v1/console/interop/platforms/0192b6f0-0000-7000-8000-000000000000";

/** A body that passes validation (null: the route takes no body); who may call it; the URL for a pattern. */
const BODY_ROUTES: Record<
  string,
  {
    body: Record<string, unknown> | null;
    as: "anyone" | "operator" | "reviewer" | "user" | "platform";
    url?: string;
  }
> = {
  "POST /api/v1/catalog/quote": {
    body: { items: [{ categoryCode: "unit_main", platformCodes: ["ln-jsgc"] }] },
    as: "anyone",
  },
  "POST /api/v1/auth/challenge": { body: null, as: "anyone" },
  "POST /api/v1/auth/ca-login": {
    body: {
      challengeId: "unknown",
      certificatePem: `-----BEGIN CERTIFICATE-----\n${"A".repeat(120)}\n-----END CERTIFICATE-----`,
      chainPem: [],
      signature: "A".repeat(96),
      signatureAlgorithm: "ecdsa-sha256",
    },
    as: "anyone",
  },
  "POST /api/v1/auth/sms-code": { body: { mobile: "13900000001", purpose: "bind" }, as: "anyone" },
  "POST /api/v1/auth/bind": {
    body: {
      bindingTicket: "unknown",
      mobile: "13900000001",
      smsCode: "123456",
      idNumber: "11010519491231002X",
      name: "张",
    },
    as: "anyone",
  },
  "POST /api/v1/auth/sms-login": { body: { mobile: "13900000001", smsCode: "123456" }, as: "anyone" },
  "POST /api/v1/auth/logout": { body: null, as: "anyone" },
  "POST /api/v1/console/auth/login": { body: { username: "nobody", password: "secret" }, as: "anyone" },
  "POST /api/v1/console/auth/logout": { body: null, as: "anyone" },
  "POST /api/v1/console/certificate-registry/import": { body: { csv: "serial,issuer\n" }, as: "operator" },
  "POST /api/v1/console/catalog/vendors": {
    body: { code: "MALFORMED", name: "厂商", adapter: "est", estUrl: "https://est.example/.well-known/est" },
    as: "operator",
  },
  "PUT /api/v1/console/catalog/vendors/:code": {
    body: { name: "中国金融认证中心（CFCA）", adapter: "est", estUrl: "https://est.example/.well-known/est" },
    as: "operator",
    url: "/api/v1/console/catalog/vendors/CFCA",
  },
  "POST /api/v1/console/catalog/vendors/:code/trusted-certificates": {
    body: { certificatePem: "not a certificate" },
    as: "operator",
    url: "/api/v1/console/catalog/vendors/CFCA/trusted-certificates",
  },
  "POST /api/v1/identities": {
    body: { kind: "enterprise", enterpriseName: "某某公司", uscc: "91350100M000100Y43", role: "project_lead" },
    as: "user",
  },
  "POST /api/v1/identities/:identityId/switch": { body: null, as: "user", url: `${someIdentity}/switch` },
  "POST /api/v1/identities/:identityId/approve": { body: null, as: "user", url: `${someIdentity}/approve` },
  "POST /api/v1/identities/:identityId/reject": {
    body: { reason: "非本单位人员" },
    as: "user",
    url: `${someIdentity}/reject`,
  },
  "POST /api/v1/identities/:identityId/remove": { body: null, as: "user", url: `${someIdentity}/remove` },
  "POST /api/v1/console/admin-applications/:identityId/approve": {
    body: null,
    as: "operator",
    url: `${someAdminApplication}/approve`,
  },
  "POST /api/v1/console/admin-applications/:identityId/reject": {
    body: { reason: "材料不符" },
    as: "operator",
    url: `${someAdminApplication}/reject`,
  },
  "POST /api/v1/me/mobile-change/code": { body: { mobile: "13900000002" }, as: "user" },
  "POST /api/v1/me/mobile-change": { body: { mobile: "13900000002", smsCode: "123456" }, as: "user" },
  // Multipart (a file), so every JSON body here is answered FILE_REQUIRED, still coded.
  "POST /api/v1/me/id-scans/:side": { body: null, as: "user", url: "/api/v1/me/id-scans/front" },
  "POST /api/v1/licence-recognitions": { body: null, as: "user" },
  "POST /api/v1/enterprises/:enterpriseId/information/draft/attachments/:kind": {
    body: null,
    as: "user",
    url: `${someInformation}/draft/attachments/sealForm`,
  },
  "POST /api/v1/enterprises/:enterpriseId/information/draft/recognition": {
    body: null,
    as: "user",
    url: `${someInformation}/draft/recognition`,
  },
  "POST /api/v1/enterprises/:enterpriseId/information/draft/submit": {
    body: null,
    as: "user",
    url: `${someInformation}/draft/submit`,
  },
  "PUT /api/v1/enterprises/:enterpriseId/information/draft/basic": {
    body: basicInfoFor(newEnterprise()),
    as: "user",
    url: `${someInformation}/draft/basic`,
  },
  "PUT /api/v1/enterprises/:enterpriseId/information/draft/invoicing": {
    body: invoicingInfoFor(newEnterprise()),
    as: "user",
    url: `${someInformation}/draft/invoicing`,
  },
  "PUT /api/v1/me/profile": { body: { name: "", idNumber: "", email: "" }, as: "user" },
  "POST /api/v1/renewal-orders": {
    body: { items: [{ certificateId: "0192b6f0-0000-7000-8000-000000000000", platformCodes: ["ln-jsgc"] }] },
    as: "user",
  },
  "POST /api/v1/renewal-orders/:id/cancel": { body: null, as: "user", url: `${someOrder}/cancel` },
  "POST /api/v1/renewal-orders/:id/payments": { body: { channel: "alipay" }, as: "user", url: `${someOrder}/payments` },
  "POST /api/v1/key-updates": { body: { renewalItemId: "0192b6f0-0000-7000-8000-000000000000" }, as: "user" },
  "POST /api/v1/key-updates/:id/csr": {
    body: { csrPem: "not a csr", proof: { signature: "c2lnbmF0dXJl", signatureAlgorithm: "ecdsa-sha256" } },
    as: "user",
    url: `${someKeyUpdate}/csr`,
  },
  "POST /api/v1/key-updates/:id/written": { body: null, as: "user", url: `${someKeyUpdate}/written` },
  "POST /api/v1/key-updates/:id/confirm": { body: null, as: "user", url: `${someKeyUpdate}/confirm` },
  // The providers' notifications are raw bytes checked by their signatures: every body is refused, coded.
  "POST /api/v1/payments/alipay/notify": { body: null, as: "anyone" },
  "POST /api/v1/payments/wechat/notify": { body: null, as: "anyone" },
  "POST /api/v1/console/renewal-orders/:id/refunds": {
    body: { reason: "测试退款" },
    as: "operator",
    url: `/api/v1/console/renewal-orders/0192b6f0-0000-7000-8000-000000000000/refunds`,
  },
  "POST /api/v1/console/refunds/:refundId/retry": {
    body: null,
    as: "operator",
    url: "/api/v1/console/refunds/0192b6f0-0000-7000-8000-000000000000/retry",
  },
  "POST /api/v1/console/enterprise-reviews/:revisionId/claim": {
    body: null,
    as: "reviewer",
    url: `${someReview}/claim`,
  },
  "POST /api/v1/console/enterprise-reviews/:revisionId/release": {
    body: null,
    as: "reviewer",
    url: `${someReview}/release`,
  },
  "POST /api/v1/console/enterprise-reviews/:revisionId/approve": {
    body: null,
    as: "reviewer",
    url: `${someReview}/approve`,
  },
  // Multipart (the invoice PDF): every JSON body is answered FILE_REQUIRED, still coded.
  "POST /api/v1/console/invoice-requests/:requestId/issue": {
    body: null,
    as: "operator",
    url: `${someInvoiceRequest}/issue`,
  },
  "POST /api/v1/console/invoice-requests/:requestId/demo-issue": {
    body: null,
    as: "operator",
    url: `${someInvoiceRequest}/demo-issue`,
  },
  // The trading platforms' API, called with a platform key (a caller without one gets 401 before validation).
  "POST /api/v1/interop/verify": {
    body: { certificate: `-----BEGIN CERTIFICATE-----\n${"A".repeat(120)}\n-----END CERTIFICATE-----` },
    as: "platform",
  },
  "POST /api/v1/console/interop/platforms/:platformId/key": { body: null, as: "operator", url: `${somePlatform}/key` },
  "PUT /api/v1/console/interop/platforms/:platformId/webhook": {
    body: { url: "https://platform.example.cn/hooks" },
    as: "operator",
    url: `${somePlatform}/webhook`,
  },
  "POST /api/v1/console/interop/platforms/:platformId/webhook-secret": {
    body: null,
    as: "operator",
    url: `${somePlatform}/webhook-secret`,
  },
  "POST /api/v1/console/interop/deliveries/:deliveryId/redeliver": {
    body: null,
    as: "operator",
    url: "/api/v1/console/interop/deliveries/msg_unknown/redeliver",
  },
  "POST /api/v1/console/enterprise-reviews/:revisionId/reject": {
    body: { opinion: "材料不清晰" },
    as: "reviewer",
    url: `${someReview}/reject`,
  },
};

const HUGE = "x".repeat(5_000_001);
const WRONG_VALUES: unknown[] = [12345, true, null, {}, [], ["a"], { nested: { deep: [1, 2, 3] } }, HUGE];
/** Strings a field may well accept: they must be answered by the rules (any coded answer), never crash. */
const ODD_STRINGS = [
  // PostgreSQL text cannot hold NUL: a query with it fails (SQLite takes it), which must not be a 500.
  "a\u0000b",
  "\ud800",
  "'; DROP TABLE users; --",
  "１３９００００００００",
  "<script>alert(1)</script>",
  " ",
];
const NOT_OBJECTS: unknown[] = [[], "just a string", 42, null, true];

let t: TestApp;
let operator: ApiClient;
let reviewer: ApiClient;
let user: ApiClient;
let platformKey: string;
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  operator = await staffClient(t, "operator");
  reviewer = await staffClient(t, "reviewer");
  user = await signedIn(t, await buildBoundToken(t.ctx));
  platformKey = (await buildPlatformCredentials(t.ctx, "ln-jsgc")).apiKey;
});
afterAll(() => t?.close());

/** Raw request with a valid CSRF pair (and the operator's session when the route needs it). */
function send(route: string, payload: string | Buffer | undefined, contentType = "application/json") {
  const [method = "", path = ""] = route.split(" ");
  const url = BODY_ROUTES[route]?.url ?? path;
  const cookies: Record<string, string> = { [CSRF_COOKIE]: "csrf" };
  const caller = BODY_ROUTES[route]?.as;
  if (caller === "operator") Object.assign(cookies, Object.fromEntries(operator.cookies));
  if (caller === "reviewer") Object.assign(cookies, Object.fromEntries(reviewer.cookies));
  if (caller === "user") Object.assign(cookies, Object.fromEntries(user.cookies));
  cookies[CSRF_COOKIE] = "csrf";
  const authorization = caller === "platform" ? { authorization: `Bearer ${platformKey}` } : {};
  return t.app.inject({
    method: method as "POST" | "PUT",
    url,
    cookies,
    headers: {
      [CSRF_HEADER]: "csrf",
      ...authorization,
      ...(payload === undefined ? {} : { "content-type": contentType }),
    },
    remoteAddress: nextIp(),
    ...(payload === undefined ? {} : { payload }),
  });
}

function coded4xx(response: LightMyRequestResponse, what: string): string | null {
  let code: unknown;
  try {
    code = response.json().error?.code;
  } catch {
    code = undefined;
  }
  const ok =
    response.statusCode >= 400 && response.statusCode < 500 && typeof code === "string" && code in errorCatalog;
  return ok ? null : `${what}: ${response.statusCode} ${String(code ?? response.body.slice(0, 80))}`;
}

describe("malformed bodies on every POST route", () => {
  const postRoutes = () => listRoutes(t.app).filter((r) => r.startsWith("POST ") || r.startsWith("PUT "));

  it("every POST route has an entry", () => {
    expect(Object.keys(BODY_ROUTES).sort()).toEqual(postRoutes());
  });

  it("the sample bodies pass validation (so the malformed ones below are what fails)", async () => {
    const failures: string[] = [];
    for (const [route, entry] of Object.entries(BODY_ROUTES)) {
      const response = await send(route, entry.body === null ? undefined : JSON.stringify(entry.body));
      if (response.statusCode >= 500 || response.body.includes("VALIDATION_FAILED")) {
        failures.push(`${route}: ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("non-JSON, other content types, empty JSON and oversized bodies: coded 4xx", async () => {
    const failures: string[] = [];
    const tooLarge = JSON.stringify({ data: "y".repeat(6 * 1024 * 1024 + 10) });
    for (const route of postRoutes()) {
      const cases: [string, LightMyRequestResponse][] = [
        ["broken JSON", await send(route, '{"mobile": "139', "application/json")],
        ["not JSON at all", await send(route, "<xml>hello</xml>", "application/json")],
        ["text/plain", await send(route, "hello", "text/plain")],
        ["form", await send(route, "a=1&b=2", "application/x-www-form-urlencoded")],
        ["binary", await send(route, Buffer.from([0xff, 0xfe, 0x00, 0x01]), "application/octet-stream")],
        ["empty JSON", await send(route, "", "application/json")],
        ["over the body limit", await send(route, tooLarge)],
      ];
      for (const [what, response] of cases) failures.push(coded4xx(response, `${route} ${what}`) ?? "");
    }
    expect(failures.filter(Boolean)).toEqual([]);
  });

  it("wrong shapes, wrong types, missing fields and huge strings: coded 4xx", async () => {
    const failures: string[] = [];
    for (const [route, entry] of Object.entries(BODY_ROUTES)) {
      if (!entry.body) continue;
      const bodies: [string, unknown][] = NOT_OBJECTS.map((v) => [`body ${JSON.stringify(v)}`, v]);
      for (const field of Object.keys(entry.body)) {
        bodies.push([`${field} missing`, { ...entry.body, [field]: undefined }]);
        for (const value of WRONG_VALUES) {
          const label = typeof value === "string" && value.length > 100 ? "a huge string" : JSON.stringify(value);
          bodies.push([`${field} = ${label}`, { ...entry.body, [field]: value }]);
        }
      }
      for (const [what, body] of bodies) {
        const response = await send(route, JSON.stringify(body));
        // A missing optional field may still be a valid body: then it is answered by the rules, still coded.
        failures.push(coded4xx(response, `${route} ${what}`) ?? "");
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  });

  it("odd strings in every field are answered, never a crash", async () => {
    const failures: string[] = [];
    for (const [route, entry] of Object.entries(BODY_ROUTES)) {
      for (const field of Object.keys(entry.body ?? {})) {
        if (typeof entry.body?.[field] !== "string") continue;
        for (const odd of ODD_STRINGS) {
          const response = await send(route, JSON.stringify({ ...entry.body, [field]: odd }));
          const what = `${route} ${field} = ${JSON.stringify(odd)}`;
          if (response.statusCode >= 500) failures.push(`${what}: ${response.statusCode}`);
          else if (response.statusCode >= 400) failures.push(coded4xx(response, what) ?? "");
        }
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  });

  it("nested garbage in the quote and the registry: coded 4xx", async () => {
    const quote = "POST /api/v1/catalog/quote";
    const nested = [
      { items: [{ categoryCode: 1, platformCodes: [] }] },
      { items: [{ categoryCode: "unit_main", platformCodes: "ln-jsgc" }] },
      { items: [{ categoryCode: "unit_main", platformCodes: Array(101).fill("ln-jsgc") }] },
      { items: Array(501).fill({ categoryCode: "unit_main", platformCodes: [] }) },
      { items: [null] },
      { items: [{ categoryCode: "no_such", platformCodes: [] }] },
    ];
    const failures = [];
    for (const body of nested)
      failures.push(coded4xx(await send(quote, JSON.stringify(body)), JSON.stringify(body).slice(0, 60)));
    const registry = "POST /api/v1/console/certificate-registry/import";
    failures.push(coded4xx(await send(registry, JSON.stringify({ csv: "" })), "empty csv"));
    failures.push(coded4xx(await send(registry, JSON.stringify({ csv: '"\n"x"y' })), "unparseable csv"));
    expect(failures.filter(Boolean)).toEqual([]);
  });

  it("bad query strings on GET routes: coded 4xx", async () => {
    const response = await operator.get("/api/v1/console/sms-outbox?page=abc&pageSize=-1");
    expect(coded4xx(response, "sms-outbox query")).toBeNull();
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
  });
});
