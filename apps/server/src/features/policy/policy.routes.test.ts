/**
 * Authorization is one layer: every route of the app × every kind of caller, against an explicit table.
 * A route the table does not list (or a row for a route that is gone) fails the first test, so a new route
 * cannot ship without its row.
 */
import { CSRF_COOKIE, CSRF_HEADER } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, errorCode, staffClient } from "../../../test/support/api-client";
import {
  adminActor,
  basicInfoFor,
  buildEnterprise,
  buildIdentity,
  buildMemberCertificate,
  buildRenewalOrder,
  buildStaff,
  buildSubmittedRevision,
  buildUser,
  invoicingInfoFor,
  issueKey,
  newEnterprise,
  organizationProfile,
  personalProfile,
} from "../../../test/support/factories";
import { makeResidentId, makeUscc, nextMobile, nextSeq } from "../../../test/support/identifiers";
import { boundUser } from "../../../test/support/journeys";
import { listRoutes } from "../../../test/support/routes";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import { systemActor } from "./actor";

const ACTORS = ["anon", "indiv", "lead", "agent", "adminA", "adminB", "reviewer", "operator"] as const;
type ActorName = (typeof ACTORS)[number];
/** "ok": the route lets this caller through (any answer but 401/403); 401/403: refused with that status. */
type Expect = "ok" | 401 | 403;

interface Row {
  route: string;
  /** The URL to call when it differs from the route pattern (wildcards, parameters: known once set up). */
  url?: string | (() => string);
  /** A body that passes validation, so the answer is the policy's and not the schema's. */
  body?: (actor: ActorName) => unknown;
  expect: [Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect];
}

const PROBE_STAFF = { username: "policy-probe", password: "policy-probe-password" };

// biome-ignore format: the table reads as a table
const TABLE: Row[] = [
  //                                                                        anon   indiv  lead   agent  adminA adminB review oper
  { route: "GET /api/v1/health",                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/public-config",                            expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/openapi.json",                             expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/docs",                                     expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/docs/",                                    expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/docs/static/index.html",                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/docs/static/swagger-initializer.js",       expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/docs/*", url: "/api/v1/docs/static/swagger-ui.css",
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/docs/json",                                expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/docs/yaml",                                expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/catalog/platforms",                        expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/catalog/certificate-categories",           expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/catalog/vendors",                          expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/catalog/service-points",                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/catalog/quote", body: () => ({ items: [{ categoryCode: "unit_main", platformCodes: ["ln-jsgc"] }] }),
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/downloads",                                expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/downloads/:name", url: "/api/v1/downloads/seal-form",
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/console/downloads",                        expect: [401,   401,   401,   401,   401,   401,   "ok",  "ok"] },
  { route: "GET /api/v1/ca/crl",                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/ca/root.crt",                              expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/auth/challenge",                          expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/auth/ca-login", body: () => caLoginBody(),
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/auth/sms-code", body: () => ({ mobile: nextMobile(), purpose: "bind" }),
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/auth/bind", body: () => ({ bindingTicket: "unknown", mobile: nextMobile(), smsCode: "123456" }),
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/auth/sms-login", body: () => ({ mobile: nextMobile(), smsCode: "123456" }),
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/auth/session",                             expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/console/auth/login", body: () => PROBE_STAFF,
                                                                   expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/console/auth/session",                     expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/console/sms-outbox",                       expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/certificate-registry/import", body: () => ({ csv: "serial,issuer\n" }),
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/me/profile",                               expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "PUT /api/v1/me/profile", body: () => ({ name: "", idNumber: "", email: "" }),
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "POST /api/v1/me/mobile-change/code", body: () => ({ mobile: nextMobile() }),
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "POST /api/v1/me/mobile-change", body: () => ({ mobile: nextMobile(), smsCode: "123456" }),
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "POST /api/v1/me/id-scans/:side", url: "/api/v1/me/id-scans/front", body: () => ({}),
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "GET /api/v1/me/id-scans/:side", url: "/api/v1/me/id-scans/front",
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "POST /api/v1/licence-recognitions", body: () => ({}),
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  // A person's ID-card scans: among the staff, reviewers only.
  { route: "GET /api/v1/console/users/:userId/id-scans/:side", url: () => `/api/v1/console/users/${ids.adminAUser}/id-scans/front`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  // Resources of enterprise A (lead, agent and adminA speak in A's identities; adminB in B's).
  { route: "GET /api/v1/enterprises/:enterpriseId", url: () => `/api/v1/enterprises/${ids.enterpriseA}`,
                                                                   expect: [401,   403,   "ok",  "ok",  "ok",  403,   401,   401] },
  { route: "GET /api/v1/console/enterprises/:enterpriseId", url: () => `/api/v1/console/enterprises/${ids.enterpriseA}`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  "ok"] },
  { route: "GET /api/v1/certificates/:certificateId", url: () => `/api/v1/certificates/${ids.leadCertificate}`,
                                                                   expect: [401,   403,   "ok",  403,   "ok",  403,   401,   401] },
  // Identities: a person's own (switch); enterprise A's people and pending applications (adminA decides).
  { route: "POST /api/v1/identities", body: () => ({ kind: "enterprise", enterpriseName: "尚未登记的公司", uscc: makeUscc(nextSeq()), role: "project_lead" }),
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "POST /api/v1/identities/:identityId/switch", url: () => `/api/v1/identities/${ids.leadIdentity}/switch`,
                                                                   expect: [401,   403,   "ok",  403,   403,   403,   401,   401] },
  { route: "POST /api/v1/identities/:identityId/approve", url: () => `/api/v1/identities/${ids.pendingA[0]}/approve`,
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "POST /api/v1/identities/:identityId/reject", url: () => `/api/v1/identities/${ids.pendingA[1]}/reject`,
    body: () => ({ reason: "非本单位人员" }),                       expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "POST /api/v1/identities/:identityId/remove", url: () => `/api/v1/identities/${ids.pendingA[2]}/remove`,
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "GET /api/v1/enterprises/:enterpriseId/people", url: () => `/api/v1/enterprises/${ids.enterpriseA}/people`,
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "GET /api/v1/console/admin-applications",               expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/admin-applications/:identityId/approve", url: () => `/api/v1/console/admin-applications/${ids.adminApplications[0]}/approve`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/admin-applications/:identityId/reject", url: () => `/api/v1/console/admin-applications/${ids.adminApplications[1]}/reject`,
    body: () => ({ reason: "材料不符" }),                           expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  // 企业信息 of enterprise A: its members read it; its administrator edits (attachments, recognition, 印模采集表).
  { route: "GET /api/v1/enterprises/:enterpriseId/information", url: () => info(),
                                                                   expect: [401,   403,   "ok",  "ok",  "ok",  403,   401,   401] },
  { route: "PUT /api/v1/enterprises/:enterpriseId/information/draft/basic", url: () => info("/draft/basic"), body: () => basicInfoFor(enterpriseAFields),
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "PUT /api/v1/enterprises/:enterpriseId/information/draft/invoicing", url: () => info("/draft/invoicing"), body: () => invoicingInfoFor(enterpriseAFields),
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "POST /api/v1/enterprises/:enterpriseId/information/draft/attachments/:kind", url: () => info("/draft/attachments/sealForm"), body: () => ({}),
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "POST /api/v1/enterprises/:enterpriseId/information/draft/recognition", url: () => info("/draft/recognition"),
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "GET /api/v1/enterprises/:enterpriseId/information/seal-form", url: () => info("/seal-form"),
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "GET /api/v1/enterprises/:enterpriseId/information/revisions/:revisionId/attachments/:kind", url: () => info(`/revisions/${UNKNOWN_ID}/attachments/sealForm`),
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "POST /api/v1/enterprises/:enterpriseId/information/draft/submit", url: () => info("/draft/submit"),
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  // 审核队列: the reviewers; a decision only by the reviewer who claimed the revision (the table's reviewer did).
  { route: "GET /api/v1/console/enterprise-reviews",               expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  { route: "GET /api/v1/console/enterprise-reviews/:revisionId", url: () => reviewOf(),
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  { route: "GET /api/v1/console/enterprise-reviews/:revisionId/attachments/:kind", url: () => reviewOf("/attachments/legalRepresentativeIdBack"),
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  { route: "POST /api/v1/console/enterprise-reviews/:revisionId/claim", url: () => reviewOf("/claim"),
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  { route: "POST /api/v1/console/enterprise-reviews/:revisionId/reject", url: () => reviewOf("/reject"), body: () => ({ opinion: "材料不清晰" }),
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  { route: "POST /api/v1/console/enterprise-reviews/:revisionId/approve", url: () => reviewOf("/approve"),
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  { route: "POST /api/v1/console/enterprise-reviews/:revisionId/release", url: () => reviewOf("/release"),
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  403] },
  // Invoices: 【发票管理】 for the current identity; a PDF for the order's creator (the lead) and A's administrator.
  { route: "GET /api/v1/invoice-requests",                         expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "GET /api/v1/invoice-requests/:requestId/file", url: () => `/api/v1/invoice-requests/${ids.leadInvoice}/file`,
                                                                   expect: [401,   403,   "ok",  403,   "ok",  403,   401,   401] },
  { route: "GET /api/v1/enterprises/:enterpriseId/invoice-title", url: () => `/api/v1/enterprises/${ids.enterpriseA}/invoice-title`,
                                                                   expect: [401,   403,   "ok",  "ok",  "ok",  403,   401,   401] },
  { route: "GET /api/v1/console/invoice-requests",                 expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/invoice-requests/:requestId/issue", url: () => `/api/v1/console/invoice-requests/${ids.leadInvoice}/issue`, body: () => ({}),
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/invoice-requests/:requestId/demo-issue", url: () => `/api/v1/console/invoice-requests/${ids.leadInvoice}/demo-issue`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/console/mail-outbox",                      expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/renewals/certificates",                     expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "GET /api/v1/renewals/updates",                          expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "POST /api/v1/renewal-orders", body: () => ({ items: [{ certificateId: UNKNOWN_ID, platformCodes: ["ln-jsgc"] }] }),
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "GET /api/v1/renewal-orders",                            expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "GET /api/v1/renewal-orders/:id", url: () => `/api/v1/renewal-orders/${ids.adminAOrder}`,
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "POST /api/v1/renewal-orders/:id/payments", url: () => `/api/v1/renewal-orders/${ids.adminAOrder}/payments`,
    body: () => ({ channel: "alipay" }),                           expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "POST /api/v1/renewal-orders/:id/cancel", url: () => `/api/v1/renewal-orders/${ids.adminAOrder}/cancel`,
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "GET /api/v1/payments/:paymentId", url: () => `/api/v1/payments/${UNKNOWN_ID}`,
                                                                   expect: [401,   "ok",  "ok",  "ok",  "ok",  "ok",  401,   401] },
  { route: "POST /api/v1/payments/alipay/notify", body: () => ({}), expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/payments/wechat/notify", body: () => ({}), expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "GET /api/v1/console/renewal-orders",                    expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/console/renewal-orders/:id", url: () => `/api/v1/console/renewal-orders/${ids.adminAOrder}`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/renewal-orders/:id/refunds", url: () => `/api/v1/console/renewal-orders/${ids.adminAOrder}/refunds`,
    body: () => ({ reason: "测试退款" }),                           expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/refunds/:refundId/retry", url: () => `/api/v1/console/refunds/${UNKNOWN_ID}/retry`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/console/payments",                          expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/console/payments/daily-totals", url: "/api/v1/console/payments/daily-totals?date=2026-11-30",
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  // Vendors and their CA adapter: any staff reads, the operator changes.
  { route: "GET /api/v1/console/catalog/vendors",                   expect: [401,   401,   401,   401,   401,   401,   "ok",  "ok"] },
  { route: "POST /api/v1/console/catalog/vendors", body: (actor) => ({ code: `POL-${actor}`, name: "厂商", adapter: "builtin", estUrl: null }),
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "PUT /api/v1/console/catalog/vendors/:code", url: "/api/v1/console/catalog/vendors/CFCA",
    body: () => ({ name: "中国金融认证中心（CFCA）", adapter: "builtin", estUrl: null }),
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/console/catalog/vendors/:code/trusted-certificates", url: "/api/v1/console/catalog/vendors/CFCA/trusted-certificates",
                                                                   expect: [401,   401,   401,   401,   401,   401,   "ok",  "ok"] },
  { route: "POST /api/v1/console/catalog/vendors/:code/trusted-certificates", url: "/api/v1/console/catalog/vendors/CFCA/trusted-certificates",
    body: () => ({ certificatePem: "not a certificate" }),          expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  // 【自助年检】: only the person whose key holds the paid certificate (the table's project lead).
  { route: "POST /api/v1/key-updates", body: () => ({ renewalItemId: ids.leadItem }),
                                                                   expect: [401,   403,   "ok",  403,   403,   403,   401,   401] },
  { route: "GET /api/v1/key-updates/:id", url: () => `/api/v1/key-updates/${ids.leadKeyUpdate}`,
                                                                   expect: [401,   403,   "ok",  403,   403,   403,   401,   401] },
  { route: "POST /api/v1/key-updates/:id/csr", url: () => `/api/v1/key-updates/${ids.leadKeyUpdate}/csr`,
    body: () => ({ csrPem: "not a csr", proof: { signature: "c2lnbmF0dXJl", signatureAlgorithm: "ecdsa-sha256" } }),
                                                                   expect: [401,   403,   "ok",  403,   403,   403,   401,   401] },
  { route: "POST /api/v1/key-updates/:id/written", url: () => `/api/v1/key-updates/${ids.leadKeyUpdate}/written`,
                                                                   expect: [401,   403,   "ok",  403,   403,   403,   401,   401] },
  { route: "POST /api/v1/key-updates/:id/confirm", url: () => `/api/v1/key-updates/${ids.leadKeyUpdate}/confirm`,
                                                                   expect: [401,   403,   "ok",  403,   403,   403,   401,   401] },
  // Platform interoperability: the trading platforms' API answers to a platform key only (no session opens it).
  { route: "POST /api/v1/interop/verify", body: () => ({ certificate: pem }),
                                                                   expect: [401,   401,   401,   401,   401,   401,   401,   401] },
  { route: "GET /api/v1/console/interop/platforms",                 expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/interop/platforms/:platformId/key", url: () => `/api/v1/console/interop/platforms/${UNKNOWN_ID}/key`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "PUT /api/v1/console/interop/platforms/:platformId/webhook", url: () => `/api/v1/console/interop/platforms/${UNKNOWN_ID}/webhook`,
    body: () => ({ url: null }),                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/interop/platforms/:platformId/webhook-secret", url: () => `/api/v1/console/interop/platforms/${UNKNOWN_ID}/webhook-secret`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "GET /api/v1/console/interop/deliveries",                expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  { route: "POST /api/v1/console/interop/deliveries/:deliveryId/redeliver", url: "/api/v1/console/interop/deliveries/msg_unknown/redeliver",
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   "ok"] },
  // Last: they end the callers' sessions.
  { route: "POST /api/v1/auth/logout",                             expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
  { route: "POST /api/v1/console/auth/logout",                     expect: ["ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok",  "ok"] },
];

/** More resources on routes the table has: the other enterprise's, the administrator's own. */
// biome-ignore format: the table reads as a table
const RESOURCE_ROWS: Row[] = [
  //                                                                        anon   indiv  lead   agent  adminA adminB review oper
  { route: "GET /api/v1/enterprises/:enterpriseId", url: () => `/api/v1/enterprises/${ids.enterpriseB}`,
                                                                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  { route: "GET /api/v1/certificates/:certificateId", url: () => `/api/v1/certificates/${ids.adminBCertificate}`,
                                                                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  { route: "GET /api/v1/certificates/:certificateId", url: () => `/api/v1/certificates/${ids.indivCertificate}`,
                                                                   expect: [401,   "ok",  403,   403,   403,   403,   401,   401] },
  { route: "GET /api/v1/enterprises/:enterpriseId/people", url: () => `/api/v1/enterprises/${ids.enterpriseB}/people`,
                                                                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  { route: "POST /api/v1/identities/:identityId/approve", url: () => `/api/v1/identities/${ids.pendingB}/approve`,
                                                                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  { route: "POST /api/v1/identities/:identityId/switch", url: () => `/api/v1/identities/${ids.adminBIdentity}/switch`,
                                                                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  { route: "GET /api/v1/enterprises/:enterpriseId/information", url: () => `/api/v1/enterprises/${ids.enterpriseB}/information`,
                                                                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  { route: "PUT /api/v1/enterprises/:enterpriseId/information/draft/basic", url: () => `/api/v1/enterprises/${ids.enterpriseB}/information/draft/basic`,
    body: () => basicInfoFor(enterpriseAFields),                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  { route: "GET /api/v1/invoice-requests/:requestId/file", url: () => `/api/v1/invoice-requests/${ids.adminAInvoice}/file`,
                                                                   expect: [401,   403,   403,   403,   "ok",  403,   401,   401] },
  { route: "GET /api/v1/enterprises/:enterpriseId/invoice-title", url: () => `/api/v1/enterprises/${ids.enterpriseB}/invoice-title`,
                                                                   expect: [401,   403,   403,   403,   403,   "ok",  401,   401] },
  // Another reviewer's claim: the table's reviewer may read it but not decide it.
  { route: "POST /api/v1/console/enterprise-reviews/:revisionId/approve", url: () => `/api/v1/console/enterprise-reviews/${ids.claimedByOther}/approve`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   403] },
  { route: "POST /api/v1/console/enterprise-reviews/:revisionId/release", url: () => `/api/v1/console/enterprise-reviews/${ids.claimedByOther}/release`,
                                                                   expect: [401,   401,   401,   401,   401,   401,   403,   403] },
];

const ids = {
  enterpriseA: "",
  enterpriseB: "",
  leadCertificate: "",
  adminBCertificate: "",
  indivCertificate: "",
  leadIdentity: "",
  adminBIdentity: "",
  pendingA: [] as string[],
  pendingB: "",
  adminApplications: [] as string[],
  adminAUser: "",
  revision: "",
  claimedByOther: "",
  leadInvoice: "",
  adminAOrder: "",
  adminAInvoice: "",
  leadItem: "",
  leadKeyUpdate: "",
};
let enterpriseAFields = { name: "", uscc: "" };
const UNKNOWN_ID = "0192b6f0-0000-7000-8000-000000000000";
const info = (rest = "") => `/api/v1/enterprises/${ids.enterpriseA}/information${rest}`;
const reviewOf = (rest = "") => `/api/v1/console/enterprise-reviews/${ids.revision}${rest}`;

let t: TestApp;
let pem: string;
const callers = new Map<ActorName, ApiClient>();

function caLoginBody() {
  return {
    challengeId: `unknown-${nextSeq()}`,
    certificatePem: pem,
    chainPem: [],
    signature: Buffer.alloc(70, 1).toString("base64"),
    signatureAlgorithm: "ecdsa-sha256",
  };
}

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  await t.ctx.staffAuth.create({ ...PROBE_STAFF, displayName: "探针", role: "reviewer" });
  const a = newEnterprise();
  const b = newEnterprise();
  const person = () => ({ mobile: nextMobile() });
  const admin = () => ({ mobile: nextMobile(), idNumber: makeResidentId(nextSeq()), name: "管理员" });
  const [indiv, lead, agent, adminA, adminB] = await Promise.all([
    issueKey(t.ctx, personalProfile({ categoryCode: "cost_engineer" })),
    issueKey(t.ctx, personalProfile({ categoryCode: "project_lead", enterprise: a })),
    issueKey(t.ctx, personalProfile({ categoryCode: "authorized_agent", enterprise: a })),
    issueKey(t.ctx, organizationProfile(a)),
    issueKey(t.ctx, organizationProfile(b)),
  ]);
  pem = indiv.certificatePem;
  callers.set("anon", new ApiClient(t.app));
  callers.set("indiv", await boundUser(t, indiv, person()));
  callers.set("lead", await boundUser(t, lead, person()));
  callers.set("agent", await boundUser(t, agent, person()));
  callers.set("adminA", await boundUser(t, adminA, admin()));
  callers.set("adminB", await boundUser(t, adminB, admin()));
  callers.set("reviewer", await staffClient(t, "reviewer"));
  const db = t.ctx.database.db;
  const enterpriseId = async (uscc: string) =>
    (await db.selectFrom("enterprises").select("id").where("uscc", "=", uscc).executeTakeFirstOrThrow()).id;
  const certificateId = async (serial: string) =>
    (await db.selectFrom("certificates").select("id").where("serial_number", "=", serial).executeTakeFirstOrThrow()).id;
  ids.enterpriseA = await enterpriseId(a.uscc);
  ids.enterpriseB = await enterpriseId(b.uscc);
  ids.leadCertificate = await certificateId(lead.serialNumber);
  ids.adminBCertificate = await certificateId(adminB.serialNumber);
  ids.indivCertificate = await certificateId(indiv.serialNumber);
  ids.adminAUser = (await (callers.get("adminA") as ApiClient).get("/api/v1/auth/session")).json().user.id;
  callers.set("operator", await staffClient(t, "operator"));
  const currentIdentity = async (actor: ActorName) =>
    (await callAs(actor, "GET /api/v1/auth/session")).json().user.currentIdentityId as string;
  ids.leadIdentity = await currentIdentity("lead");
  ids.adminBIdentity = await currentIdentity("adminB");
  const pending = async (enterpriseId: string, role: "project_lead" | "admin") =>
    buildIdentity(t.ctx, { userId: (await buildUser(t.ctx)).id, enterpriseId, role, status: "pending" });
  ids.pendingA = await Promise.all([1, 2, 3].map(() => pending(ids.enterpriseA, "project_lead")));
  ids.pendingB = await pending(ids.enterpriseB, "project_lead");
  const fresh = await buildEnterprise(t.ctx);
  ids.adminApplications = [await pending(fresh.id, "admin"), await pending(fresh.id, "admin")];
  enterpriseAFields = a;
  // Two submitted revisions: one the table's reviewer claims, one another reviewer claims.
  const submitted = async () => {
    const enterprise = await buildEnterprise(t.ctx);
    const user = await buildUser(t.ctx);
    const identity = await buildIdentity(t.ctx, { userId: user.id, enterpriseId: enterprise.id, role: "admin" });
    return buildSubmittedRevision(t.ctx, adminActor(user.id, identity, enterprise.id), enterprise);
  };
  ids.revision = await submitted();
  ids.claimedByOther = await submitted();
  await callAs("reviewer", "POST /api/v1/console/enterprise-reviews/:revisionId/claim", reviewOf("/claim"));
  const other = await buildStaff(t.ctx, "reviewer");
  await t.ctx.enterpriseReviews.claim({ kind: "staff", staffId: other.id, role: "reviewer" }, ids.claimedByOther);
  // Invoice requests of enterprise A's orders: one the lead made, one its administrator made.
  const invoiceOf = async (actor: ActorName, serial: string) => {
    const user = (await callAs(actor, "GET /api/v1/auth/session")).json().user;
    const certificate = await db
      .selectFrom("certificates")
      .selectAll()
      .where("serial_number", "=", serial)
      .executeTakeFirstOrThrow();
    const order = await buildRenewalOrder(t.ctx, {
      enterpriseId: ids.enterpriseA,
      userId: user.id,
      identityId: user.currentIdentityId,
      lines: [{ certificate, priceFen: 30_000 }],
      status: "paid",
    });
    const input = { kind: "e_normal", titleType: "personal", title: "刘洋", email: "a@example.com" } as const;
    return t.ctx.database.transaction((trx) =>
      t.ctx.invoiceRequests.recordRequest(trx, {
        actor: systemActor,
        orderId: order.id,
        enterpriseId: ids.enterpriseA,
        input,
      }),
    );
  };
  ids.leadInvoice = await invoiceOf("lead", lead.serialNumber);
  ids.adminAInvoice = await invoiceOf("adminA", adminA.serialNumber);
  // An unpaid order enterprise A's administrator made, for the order routes.
  const session = (await callAs("adminA", "GET /api/v1/auth/session")).json().user;
  const member = await buildMemberCertificate(t.ctx, a);
  ids.adminAOrder = (
    await buildRenewalOrder(t.ctx, {
      enterpriseId: ids.enterpriseA,
      userId: session.id,
      identityId: session.currentIdentityId,
      lines: [{ certificate: member.certificate, priceFen: 5_000 }],
    })
  ).id;
  // The paid order of the project lead's certificate (his invoice's): its key update opened by him.
  ids.leadItem = (
    await db
      .selectFrom("renewal_items")
      .select("id")
      .where("certificate_id", "=", ids.leadCertificate)
      .where("status", "=", "awaiting_update")
      .executeTakeFirstOrThrow()
  ).id;
  const opened = await callAs("lead", "POST /api/v1/key-updates", undefined, { renewalItemId: ids.leadItem });
  ids.leadKeyUpdate = opened.json().id;
});
afterAll(() => t?.close());

/** One call as `actor`, with its cookies and a valid CSRF pair, without changing the caller's cookies. */
async function callAs(actor: ActorName, route: string, url?: string, payload?: unknown) {
  const client = callers.get(actor) as ApiClient;
  const [method = "", path = ""] = route.split(" ");
  const csrf = `csrf-${actor}`;
  return t.app.inject({
    method: method as "GET" | "POST" | "PUT",
    url: url ?? path,
    cookies: { ...Object.fromEntries(client.cookies), [CSRF_COOKIE]: csrf },
    headers: { [CSRF_HEADER]: csrf },
    remoteAddress: client.ip,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

describe("policy: every route × every caller", () => {
  it("the table lists exactly the app's routes", () => {
    const routes = listRoutes(t.app);
    expect(routes).toContain("GET /api/v1/auth/session");
    expect(routes).toContain("POST /api/v1/console/certificate-registry/import");
    expect(TABLE.map((r) => r.route).sort()).toEqual(routes);
  });

  it("the callers are who the table says", async () => {
    const roleOf = async (actor: ActorName) => {
      const user = (await callAs(actor, "GET /api/v1/auth/session")).json().user;
      const current = user.identities.find((i: { id: string }) => i.id === user.currentIdentityId);
      return [current?.role, current?.enterpriseName];
    };
    const [lead, agent, adminA, adminB] = await Promise.all([
      roleOf("lead"),
      roleOf("agent"),
      roleOf("adminA"),
      roleOf("adminB"),
    ]);
    expect(await roleOf("indiv")).toEqual(["individual", null]);
    expect([lead[0], agent[0], adminA[0], adminB[0]]).toEqual(["project_lead", "authorized_agent", "admin", "admin"]);
    expect(new Set([lead[1], agent[1], adminA[1]]).size).toBe(1);
    expect(adminB[1]).not.toBe(adminA[1]);
  });

  it("answers every cell as the table says", async () => {
    const mismatches: string[] = [];
    for (const row of [...RESOURCE_ROWS, ...TABLE]) {
      for (const [i, actor] of ACTORS.entries()) {
        const expected = row.expect[i];
        const url = typeof row.url === "function" ? row.url() : row.url;
        const response = await callAs(actor, row.route, url, row.body?.(actor));
        const code = errorCode(response);
        const actual =
          response.statusCode === 401 || response.statusCode === 403 ? response.statusCode : ("ok" as const);
        // The interop API's own refusal (no platform key) is its authentication's, as UNAUTHENTICATED is a session's.
        const refusedForPolicy =
          code === "UNAUTHENTICATED" || code === "FORBIDDEN" || code === "INTEROP_UNAUTHENTICATED";
        if (response.statusCode >= 500) mismatches.push(`${row.route} as ${actor}: ${response.statusCode} ${code}`);
        else if (expected === "ok" && (actual !== "ok" || refusedForPolicy)) {
          mismatches.push(`${row.route} as ${actor}: expected to pass, got ${response.statusCode} ${code}`);
        } else if (expected !== "ok" && (actual !== expected || !refusedForPolicy)) {
          mismatches.push(`${row.route} as ${actor}: expected ${expected}, got ${response.statusCode} ${code}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
