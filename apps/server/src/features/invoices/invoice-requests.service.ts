import type { InvoiceRequestInput, InvoiceRequestQuery, InvoiceRequestView, InvoiceTitle } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { EnterpriseDirectory } from "../enterprises/enterprise-directory.service";
import type { FileStore } from "../files/files.service";
import { type Actor, systemActor } from "../policy/actor";
import { authorize } from "../policy/policy";
import { requestView, snapshotOf } from "./invoice-request.view";
import {
  findOrderStatus,
  findRequestOfOrder,
  findRequestWithOrder,
  insertRequest,
  pageRequests,
  type RequestScope,
  updateRequestTitle,
} from "./invoices.queries";
import { invoiceRequestMachine } from "./invoices.states";

/**
 * The enterprise's side of invoices: the request made at 支付确认 (a snapshot of the title details, so a later
 * change of the enterprise's 开票信息 does not alter it), 【发票管理】 and the download of an issued invoice.
 */
export class InvoiceRequestService {
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly enterprises: EnterpriseDirectory;
  private readonly files: FileStore;

  constructor(deps: { database: UnitOfWork; clock: Clock; enterprises: EnterpriseDirectory; files: FileStore }) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.enterprises = deps.enterprises;
    this.files = deps.files;
  }

  /**
   * Records the order's invoice request inside the caller's transaction (payment start). Once chosen, the kind
   * is fixed (INVOICE_KIND_FIXED); the title details and receiving address may change while the order is unpaid
   * (INVOICE_TITLE_LOCKED after). Returns the request's id.
   */
  async recordRequest(
    trx: DbOrTx,
    request: { actor: Actor; orderId: string; enterpriseId: string | null; input: InvoiceRequestInput; now?: Date },
  ): Promise<string> {
    const { actor, orderId, input } = request;
    const now = request.now ?? this.clock.now();
    const iso = now.toISOString();
    const snapshot = snapshotOf(input);
    const existing = await findRequestOfOrder(trx, orderId);
    if (!existing) {
      const id = newId();
      await insertRequest(trx, {
        id,
        order_id: orderId,
        kind: input.kind,
        ...snapshot,
        status: "requested",
        file_id: null,
        issued_at: null,
        created_at: iso,
        updated_at: iso,
      });
      const data = { orderId, enterpriseId: request.enterpriseId, kind: input.kind };
      await recordAudit(trx, actor, "invoice_request.requested", { kind: "invoice_request", id }, data, now);
      return id;
    }
    if (existing.kind !== input.kind) throw new AppError("INVOICE_KIND_FIXED");
    const order = await findOrderStatus(trx, orderId);
    if (existing.status !== "requested" || order?.status !== "pending_payment") {
      throw new AppError("INVOICE_TITLE_LOCKED");
    }
    await updateRequestTitle(trx, existing.id, { ...snapshot, updated_at: iso });
    await recordAudit(
      trx,
      actor,
      "invoice_request.title_changed",
      { kind: "invoice_request", id: existing.id },
      {
        orderId,
      },
      now,
    );
    return existing.id;
  }

  /**
   * The order was cancelled, expired or refunded: its waiting request is cancelled with it, in the caller's
   * transaction. An invoice already issued stays issued (reversing it, a 红字发票, is the operator's business).
   */
  /** An unpaid order cancelled or expired: its request goes with it (nothing to run after commit). */
  async onOrderClosed(trx: DbOrTx, orderId: string): Promise<[]> {
    await this.cancelForOrder(trx, orderId);
    return [];
  }

  async cancelForOrder(trx: DbOrTx, orderId: string, actor: Actor = systemActor): Promise<void> {
    const existing = await findRequestOfOrder(trx, orderId);
    if (existing?.status !== "requested") return;
    const at = this.clock.now();
    await transition(trx, invoiceRequestMachine, {
      id: existing.id,
      from: "requested",
      to: "cancelled",
      set: { updated_at: at.toISOString() },
      audit: { actor, action: "invoice_request.cancelled", data: { orderId } },
      at,
    });
  }

  /** 【编辑发票抬头信息】's prefill: the approved 开票信息 of the enterprise, or null while none is approved. */
  async defaultTitle(actor: Actor, enterpriseId: string): Promise<InvoiceTitle | null> {
    authorize(actor, "invoice.default_title.read", { id: enterpriseId });
    const info = await this.enterprises.approvedInvoicingInfo(enterpriseId);
    if (!info) return null;
    return {
      titleType: "enterprise",
      title: info.title,
      taxpayerNumber: info.taxpayerId,
      address: info.address,
      phone: info.phone,
      bank: info.bankName,
      bankAccount: info.bankAccount,
    };
  }

  /** 【发票管理】: an administrator sees the enterprise's requests, anyone else those of their own orders. */
  async list(actor: Actor, query: InvoiceRequestQuery): Promise<{ items: InvoiceRequestView[]; total: number }> {
    if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED");
    const identity = actor.identity;
    const scope: RequestScope =
      identity?.role === "admin" && identity.enterpriseId
        ? { enterpriseId: identity.enterpriseId }
        : { createdByUserId: actor.userId, enterpriseId: identity?.enterpriseId ?? null };
    const page = await pageRequests(this.database.db, { ...query, scope });
    return { total: page.total, items: page.items.map(requestView) };
  }

  /** An issued invoice's PDF, to the order's creator or its enterprise's administrator; every download audited. */
  async download(actor: Actor, requestId: string): Promise<{ bytes: Buffer; mediaType: string; orderNo: string }> {
    const db = this.database.db;
    const request = await findRequestWithOrder(db, requestId);
    if (!request) throw new AppError("INVOICE_REQUEST_NOT_FOUND");
    authorize(actor, "invoice.download", {
      createdByUserId: request.created_by_user_id,
      enterpriseId: request.enterprise_id,
    });
    if (request.status !== "issued" || !request.file_id) throw new AppError("INVOICE_NOT_ISSUED");
    const file = await this.files.describe(db, request.file_id);
    const bytes = file ? await this.files.read(file) : null;
    if (!file || !bytes) throw new AppError("INVOICE_NOT_ISSUED");
    await recordAudit(
      db,
      actor,
      "invoice_request.downloaded",
      { kind: "invoice_request", id: request.id },
      { orderId: request.order_id, fileId: file.id },
      this.clock.now(),
    );
    return { bytes, mediaType: file.media_type, orderNo: request.order_no };
  }
}
