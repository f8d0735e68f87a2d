import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { InvoiceRequestInput } from "@lnca/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, expectError, staffClient, uploadFile } from "../../../test/support/api-client";
import {
  adminActor,
  attachmentsFor,
  basicInfoFor,
  buildBoundToken,
  buildEnterprise,
  buildRenewalOrder,
  buildStaff,
  invoicingInfoFor,
  newEnterprise,
  organizationProfile,
  pdfBytes,
  personalProfile,
  pngBytes,
} from "../../../test/support/factories";
import { signedIn } from "../../../test/support/journeys";
import { createTestApp, type TestApp } from "../../../test/support/test-app";
import type { CertificatesTable, RenewalOrderStatus } from "../../db/schema";
import { decideEnterpriseRevision, submitEnterpriseInformation } from "../../seed/enterprise-information";
import type { Actor } from "../policy/actor";

let t: TestApp;
let enterprise: Awaited<ReturnType<typeof buildEnterprise>>;
let admin: Awaited<ReturnType<typeof buildBoundToken>>;
let lead: Awaited<ReturnType<typeof buildBoundToken>>;
let otherAdmin: Awaited<ReturnType<typeof buildBoundToken>>;
let adminClient: ApiClient;
let leadClient: ApiClient;
let otherAdminClient: ApiClient;
let operator: ApiClient;
let reviewer: Extract<Actor, { kind: "staff" }>;

const input = (overrides: Partial<InvoiceRequestInput> = {}): InvoiceRequestInput => ({
  kind: "e_normal",
  titleType: "enterprise",
  title: enterprise.name,
  taxpayerNumber: enterprise.uscc,
  email: "finance@example.com",
  ...overrides,
});

/** Approves the enterprise's 开票信息 as given (a new revision, submitted and approved). */
async function approveInvoicing(title: string) {
  const actor = adminActor(admin.user.id, admin.identityId, enterprise.id);
  const revision = await submitEnterpriseInformation(t.ctx, actor, enterprise.id, {
    basic: basicInfoFor(enterprise),
    invoicing: invoicingInfoFor(enterprise, { title }),
    attachments: attachmentsFor(),
  });
  await decideEnterpriseRevision(t.ctx, reviewer, revision, { approve: true });
}

/** An order of the key's certificate (each order its own certificate: one open order per certificate). */
async function order(
  by: typeof admin,
  status: RenewalOrderStatus,
  prices = [30_000],
): Promise<{ id: string; orderNo: string; totalFen: number }> {
  const lines: { certificate: CertificatesTable; priceFen: number }[] = [];
  for (const priceFen of prices) {
    const key = await buildBoundToken(t.ctx, {
      profile: personalProfile({ categoryCode: "project_lead", enterprise }),
    });
    lines.push({ certificate: key.certificate, priceFen });
  }
  return buildRenewalOrder(t.ctx, {
    enterpriseId: enterprise.id,
    userId: by.user.id,
    identityId: by.identityId,
    lines,
    status,
  });
}

/** Records a request for the order, as payment start does, inside a transaction. */
function request(orderId: string, given: InvoiceRequestInput = input(), by: typeof admin = admin) {
  const actor = adminActor(by.user.id, by.identityId, enterprise.id);
  return t.ctx.database.transaction((trx) =>
    t.ctx.invoiceRequests.recordRequest(trx, { actor, orderId, enterpriseId: enterprise.id, input: given }),
  );
}

const requestRow = (id: string) =>
  t.ctx.database.db.selectFrom("invoice_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

/** Runs the mail jobs now (the test app has no worker), as the outbox worker would after commit. */
async function runMailJobs() {
  const jobs = await t.ctx.database.db
    .selectFrom("outbox_jobs")
    .select(["payload"])
    .where("kind", "=", "mail.send")
    .where("status", "=", "pending")
    .execute();
  for (const job of jobs) await t.ctx.mail.sendJob(JSON.parse(job.payload));
}

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "lnca-invoice-")), "invoice.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

beforeAll(async () => {
  t = await createTestApp({ withCatalog: true, config: { demo: true } });
  enterprise = await buildEnterprise(t.ctx);
  admin = await buildBoundToken(t.ctx, { profile: organizationProfile(enterprise) });
  lead = await buildBoundToken(t.ctx, { profile: personalProfile({ categoryCode: "project_lead", enterprise }) });
  const other = newEnterprise();
  otherAdmin = await buildBoundToken(t.ctx, { profile: organizationProfile(other) });
  [adminClient, leadClient, otherAdminClient, operator] = await Promise.all([
    signedIn(t, admin),
    signedIn(t, lead),
    signedIn(t, otherAdmin),
    staffClient(t, "operator"),
  ]);
  const staff = await buildStaff(t.ctx, "reviewer");
  reviewer = { kind: "staff", staffId: staff.id, role: "reviewer" };
});
afterAll(() => t?.close());

describe("invoice requests at payment start", () => {
  it("prefills the title from the enterprise's approved 开票信息, for its members only", async () => {
    const url = `/api/v1/enterprises/${enterprise.id}/invoice-title`;
    expect((await adminClient.get(url)).json()).toEqual({ title: null });
    await approveInvoicing(enterprise.name);
    expect((await leadClient.get(url)).json()).toEqual({
      title: {
        titleType: "enterprise",
        title: enterprise.name,
        taxpayerNumber: enterprise.uscc,
        address: "辽宁省沈阳市和平区南京北街 1 号",
        phone: "024-23456789",
        bank: "中国工商银行沈阳和平支行",
        bankAccount: "3301000109200123456",
      },
    });
    expectError(await otherAdminClient.get(url), 403, "FORBIDDEN");
  });

  it("keeps a snapshot of the title: a later change of the enterprise's 开票信息 does not alter it", async () => {
    await approveInvoicing(enterprise.name);
    const paid = await order(admin, "pending_payment");
    const id = await request(paid.id, input({ address: " 沈阳市和平区 1 号 ", phone: "024 2345 6789" }));
    await approveInvoicing(`${enterprise.name}（新）`);
    const prefill = (await adminClient.get(`/api/v1/enterprises/${enterprise.id}/invoice-title`)).json();
    expect(prefill.title.title).toBe(`${enterprise.name}（新）`);
    expect(await requestRow(id)).toMatchObject({
      title: enterprise.name,
      taxpayer_number: enterprise.uscc,
      address: "沈阳市和平区 1 号",
      phone: "02423456789",
      status: "requested",
    });
  });

  it("fixes the kind once chosen; the title may change only while the order is unpaid", async () => {
    const unpaid = await order(admin, "pending_payment");
    const id = await request(unpaid.id);
    await expect(request(unpaid.id, input({ kind: "paper_special" }))).rejects.toMatchObject({
      code: "INVOICE_KIND_FIXED",
      message: "发票类型一经选择不可更改",
    });
    expect(await request(unpaid.id, input({ email: "new@example.com" }))).toBe(id);
    expect((await requestRow(id)).email).toBe("new@example.com");
    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .orderBy("at")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["invoice_request.requested", "invoice_request.title_changed"]);

    const paid = await order(admin, "paid");
    await request(paid.id);
    await expect(request(paid.id, input({ title: "另一个抬头有限公司" }))).rejects.toMatchObject({
      code: "INVOICE_TITLE_LOCKED",
    });
  });

  it("is cancelled with its order, and an issued one stays issued", async () => {
    const unpaid = await order(admin, "pending_payment");
    const id = await request(unpaid.id);
    await t.ctx.database.transaction((trx) => t.ctx.invoiceRequests.cancelForOrder(trx, unpaid.id));
    expect((await requestRow(id)).status).toBe("cancelled");
    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .where("action", "=", "invoice_request.cancelled")
      .execute();
    expect(audit).toHaveLength(1);

    const paid = await order(admin, "paid");
    const issued = await request(paid.id);
    await t.ctx.invoiceIssue.issueDemo({ kind: "system" }, issued);
    await t.ctx.database.transaction((trx) => t.ctx.invoiceRequests.cancelForOrder(trx, paid.id));
    expect((await requestRow(issued)).status).toBe("issued");
  });
});

describe("the console's queue and issuing", () => {
  it("lists requests of paid and completed orders only, filtered and searched", async () => {
    const byStatus: Record<string, string> = {};
    for (const status of ["pending_payment", "paid", "completed", "cancelled", "expired", "refunded"] as const) {
      const made = await order(admin, status);
      await request(made.id);
      byStatus[status] = made.orderNo;
    }
    const queue = (await operator.get("/api/v1/console/invoice-requests?pageSize=100")).json();
    const listed = queue.items.map((i: { orderNo: string }) => i.orderNo);
    expect(listed).toEqual(expect.arrayContaining([byStatus.paid, byStatus.completed]));
    for (const status of ["pending_payment", "cancelled", "expired", "refunded"]) {
      expect(listed).not.toContain(byStatus[status]);
    }
    expect(queue.items.every((i: { orderStatus: string }) => ["paid", "completed"].includes(i.orderStatus))).toBe(true);
    const searched = (await operator.get(`/api/v1/console/invoice-requests?search=${byStatus.paid}`)).json();
    expect(searched).toMatchObject({ total: 1, items: [{ orderNo: byStatus.paid, enterpriseName: enterprise.name }] });
    const issued = (await operator.get("/api/v1/console/invoice-requests?status=issued&pageSize=100")).json();
    expect(issued.items.every((i: { status: string }) => i.status === "issued")).toBe(true);
  });

  it("marks issued with the uploaded PDF: audit row and mail job in one go, then the mail with the PDF", async () => {
    const paid = await order(admin, "paid", [55_000, 10_000]);
    const id = await request(paid.id, input({ email: "invoices@example.com" }));
    const url = `/api/v1/console/invoice-requests/${id}/issue`;
    expectError(await uploadFile(operator, url, pngBytes(), "invoice.pdf"), 415, "INVOICE_PDF_REQUIRED");
    expect((await requestRow(id)).status).toBe("requested");

    const pdf = pdfBytes();
    const response = await uploadFile(operator, url, pdf, "scan.pdf", "application/pdf");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, status: "issued", orderNo: paid.orderNo, amountFen: 65_000 });
    const row = await requestRow(id);
    expect(row).toMatchObject({ status: "issued", file_id: expect.any(String), issued_at: expect.any(String) });
    const audit = await t.ctx.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_id", "=", id)
      .where("action", "=", "invoice_request.issued")
      .executeTakeFirstOrThrow();
    expect(audit.actor_kind).toBe("staff");
    const mailId = JSON.parse(audit.data).mailId as string;
    const job = await t.ctx.database.db
      .selectFrom("outbox_jobs")
      .selectAll()
      .where("dedupe_key", "=", `mail:${mailId}`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ kind: "mail.send", status: "pending" });

    await runMailJobs();
    const outbox = (await operator.get("/api/v1/console/mail-outbox")).json();
    const mail = outbox.items.find((m: { id: string }) => m.id === mailId);
    expect(mail).toMatchObject({
      to: "invoices@example.com",
      subject: `【辽宁 CA 互联互通服务平台】您的发票已开具（订单号 ${paid.orderNo}）`,
      status: "sent",
      provider: "outbox",
      attachments: [{ fileId: row.file_id, name: `发票-${paid.orderNo}.pdf`, sizeBytes: pdf.length }],
    });
    expect(mail.body).toContain("电子普票已开具");
    expect(mail.body).toContain("650 元");
    expectError(await uploadFile(operator, url, pdf, "again.pdf"), 409, "STATE_CONFLICT");
  });

  it("refuses to issue for an unpaid order", async () => {
    const unpaid = await order(admin, "pending_payment");
    const id = await request(unpaid.id);
    const response = await uploadFile(operator, `/api/v1/console/invoice-requests/${id}/issue`, pdfBytes(), "a.pdf");
    expectError(response, 409, "INVOICE_ORDER_NOT_PAID");
  });

  it("generates a demo invoice of the order's lines, the total in figures and in capitals", async () => {
    const paid = await order(admin, "paid", [55_000, 10_000]);
    const id = await request(paid.id);
    const response = await operator.post(`/api/v1/console/invoice-requests/${id}/demo-issue`);
    expect(response.json()).toMatchObject({ status: "issued" });
    const pdf = await adminClient.get(`/api/v1/invoice-requests/${id}/file`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(pdf.rawPayload);
    for (const expected of [
      "电子普票（演示）",
      enterprise.name,
      enterprise.uscc,
      "辽宁 CA 互联互通服务平台（演示）",
      "CA 数字证书延期年检",
      "550.00",
      "100.00",
      "陆佰伍拾元整",
      "¥650.00",
      paid.orderNo,
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe("【发票管理】", () => {
  it("shows the administrator the enterprise's requests and others their own orders'", async () => {
    const byAdmin = await order(admin, "paid");
    const byLead = await order(lead, "paid");
    const adminRequest = await request(byAdmin.id);
    const leadRequest = await request(byLead.id, input(), lead);
    const ids = async (client: ApiClient) =>
      (await client.get("/api/v1/invoice-requests?pageSize=100")).json().items.map((i: { id: string }) => i.id);
    expect(await ids(adminClient)).toEqual(expect.arrayContaining([adminRequest, leadRequest]));
    const leads = await ids(leadClient);
    expect(leads).toContain(leadRequest);
    expect(leads).not.toContain(adminRequest);
    expect(await ids(otherAdminClient)).toEqual([]);
    const waiting = (await leadClient.get("/api/v1/invoice-requests?status=requested")).json();
    expect(waiting.items).toContainEqual(
      expect.objectContaining({ id: leadRequest, status: "requested", kind: "e_normal", amountFen: 30_000 }),
    );
  });

  it("lets the order's creator and the administrator download the issued PDF, audited; refuses anyone else", async () => {
    const byLead = await order(lead, "paid");
    const id = await request(byLead.id, input(), lead);
    const url = `/api/v1/invoice-requests/${id}/file`;
    expectError(await leadClient.get(url), 409, "INVOICE_NOT_ISSUED");
    const pdf = pdfBytes();
    await uploadFile(operator, `/api/v1/console/invoice-requests/${id}/issue`, pdf, "a.pdf");
    for (const client of [leadClient, adminClient]) {
      const response = await client.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(pdf)).toBe(true);
      expect(response.headers["content-disposition"]).toBe(`attachment; filename="invoice-${byLead.orderNo}.pdf"`);
    }
    expectError(await otherAdminClient.get(url), 403, "FORBIDDEN");
    const byAdmin = await order(admin, "paid");
    const adminsOwn = await request(byAdmin.id);
    expectError(await leadClient.get(`/api/v1/invoice-requests/${adminsOwn}/file`), 403, "FORBIDDEN");
    expectError(
      await leadClient.get(`/api/v1/invoice-requests/${crypto.randomUUID()}/file`),
      404,
      "INVOICE_REQUEST_NOT_FOUND",
    );
    const downloads = await t.ctx.database.db
      .selectFrom("audit_log")
      .select(["actor_id"])
      .where("entity_id", "=", id)
      .where("action", "=", "invoice_request.downloaded")
      .execute();
    expect(downloads.map((d) => d.actor_id).sort()).toEqual([lead.user.id, admin.user.id].sort());
  });
});
