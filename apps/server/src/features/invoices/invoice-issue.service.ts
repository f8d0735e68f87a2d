import {
  type ConsoleInvoiceQuery,
  type ConsoleInvoiceRequest,
  INVOICE_PDF_MAX_BYTES,
  type InvoiceRequestView,
} from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import type { FileStore } from "../files/files.service";
import type { MailService } from "../notifications/mail.service";
import type { Actor } from "../policy/actor";
import { type DemoInvoiceData, renderDemoInvoice } from "./demo-invoice";
import { invoiceMail } from "./invoice-mail";
import { consoleRequestView, requestView, titleOf } from "./invoice-request.view";
import { findInvoiceLines, findRequestWithOrder, pageRequests, type RequestWithOrder } from "./invoices.queries";
import { invoiceRequestMachine } from "./invoices.states";

const PAID = new Set(["paid", "completed"]);

/**
 * The console's side: the queue of requests of paid orders, and issuing one — the invoice PDF stored, the
 * request moved to issued with its audit row and the e-mail (PDF attached) queued, all in one transaction; the
 * `mail.send` job sends it after commit.
 */
export class InvoiceIssueService {
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly files: FileStore;
  private readonly mail: MailService;
  private readonly demo: boolean;

  constructor(deps: { database: UnitOfWork; clock: Clock; files: FileStore; mail: MailService; demo: boolean }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.files = deps.files;
    this.mail = deps.mail;
    this.demo = deps.demo;
  }

  async queue(query: ConsoleInvoiceQuery): Promise<{ items: ConsoleInvoiceRequest[]; total: number }> {
    const page = await pageRequests(this.database.db, { ...query, paidOnly: true });
    return { total: page.total, items: page.items.map(consoleRequestView) };
  }

  /** 【标记已开具】 with the invoice the operator uploaded: a PDF by its bytes, at most 5 MB. */
  async issue(actor: Actor, requestId: string, upload: { bytes: Buffer }): Promise<InvoiceRequestView> {
    const request = await this.issuable(requestId);
    return this.issueWith(actor, request, upload.bytes, false);
  }

  /** 【生成演示发票】 (demo only): renders an invoice of the order's lines and issues it as an uploaded one. */
  async issueDemo(actor: Actor, requestId: string): Promise<InvoiceRequestView> {
    if (!this.demo) throw new AppError("INVOICE_DEMO_ONLY");
    const request = await this.issuable(requestId);
    const lines = await findInvoiceLines(this.database.db, request.order_id);
    const data: DemoInvoiceData = {
      number: demoInvoiceNumber(request.id, this.clock.now()),
      kind: request.kind,
      orderNo: request.order_no,
      buyer: titleOf(request),
      lines: lines.map((line) => ({
        name: "CA 数字证书延期年检",
        spec: `${line.category_name} · ${line.holder_name}`,
        amountFen: line.price_fen,
      })),
      issuedAt: this.clock.now(),
    };
    return this.issueWith(actor, request, Buffer.from(await renderDemoInvoice(data)), true);
  }

  /** A request that exists, still waits and whose order is paid (checked again inside the issue transaction). */
  private async issuable(requestId: string): Promise<RequestWithOrder> {
    const request = await findRequestWithOrder(this.database.db, requestId);
    if (!request) throw new AppError("INVOICE_REQUEST_NOT_FOUND");
    if (!PAID.has(request.order_status)) throw new AppError("INVOICE_ORDER_NOT_PAID");
    if (request.status !== "requested") throw new AppError("STATE_CONFLICT", "该发票申请已开具或已取消");
    return request;
  }

  private async issueWith(actor: Actor, request: RequestWithOrder, bytes: Buffer, generated: boolean) {
    const now = this.clock.now();
    const file = await this.files
      .put({
        bytes,
        allowed: ["application/pdf"],
        maxBytes: INVOICE_PDF_MAX_BYTES,
        purpose: "invoice",
        originalName: `发票-${request.order_no}.pdf`,
        userId: null,
        sealed: false,
        now,
      })
      .catch((error: unknown) => {
        throw error instanceof AppError && error.code === "FILE_TYPE_NOT_ALLOWED"
          ? new AppError("INVOICE_PDF_REQUIRED")
          : error;
      });
    await this.database.transaction(async (trx) => {
      const current = await findRequestWithOrder(trx, request.id);
      if (!current || !PAID.has(current.order_status)) throw new AppError("INVOICE_ORDER_NOT_PAID");
      await this.files.record(trx, file);
      const mailId = current.email
        ? await this.mail.queue(
            trx,
            invoiceMail({
              to: current.email,
              orderNo: current.order_no,
              amountFen: current.total_fen,
              kind: current.kind,
              title: current.title,
              fileId: file.id,
            }),
          )
        : null;
      await transition(trx, invoiceRequestMachine, {
        id: request.id,
        from: "requested",
        to: "issued",
        set: { file_id: file.id, issued_at: now.toISOString(), updated_at: now.toISOString() },
        audit: {
          actor,
          action: "invoice_request.issued",
          data: { orderId: request.order_id, fileId: file.id, mailId, generated },
        },
        at: now,
      });
    });
    const issued = await findRequestWithOrder(this.database.db, request.id);
    if (!issued) throw new AppError("INVOICE_REQUEST_NOT_FOUND");
    return requestView(issued);
  }
}

/** 20 digits as a 全电发票 number: the year, then digits from the request's id (stable for the request). */
function demoInvoiceNumber(requestId: string, now: Date): string {
  const digits = BigInt(`0x${requestId.replace(/-/g, "")}`)
    .toString()
    .slice(-18);
  return `${String(now.getUTCFullYear()).slice(-2)}${digits.padStart(18, "0")}`;
}
