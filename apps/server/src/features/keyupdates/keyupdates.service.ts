import type { KeyUpdate, KeyUpdateCsrRequest } from "@lnca/contracts";
import { certificateFacts } from "@lnca/pki";
import type { Logger } from "pino";
import type { CaAdapter, CaAdapterFor } from "../../adapters/ca/ca-adapter";
import type { DbOrTx } from "../../db/database";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId, randomBase64url } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import { caVendorOf } from "../catalog/catalog.service";
import type { CertificateDirectory } from "../certificates/certificate-directory.service";
import { findCertificate } from "../certificates/certificates.service";
import { recordRenewedCertificate } from "../certificates/renewal-succession.service";
import type { Actor } from "../policy/actor";
import { authorize } from "../policy/policy";
import type { ItemFulfilment } from "../renewals/item-fulfilment.service";
import { isIssued, type OldCertificate, view } from "./key-update.view";
import { checkProof, checkRenewalRequest } from "./key-update-request";
import {
  findKeyUpdate,
  insertKeyUpdate,
  type KeyUpdateRow,
  lockKeyUpdate,
  lockKeyUpdateOfItem,
  setNonce,
} from "./keyupdates.queries";
import { keyUpdateMachine } from "./keyupdates.states";
import "./keyupdates.audit";

/** What the platform's trading-platform interop learns when a renewal takes effect (J6 → webhooks). */
export interface CertificateRenewedEvent {
  oldCertificateId: string;
  newCertificateId: string;
  /** Platforms chosen in the order: associated with the new certificate. */
  chosenPlatformIds: string[];
  /** Platforms the old certificate had and the order left out: their association ended. */
  droppedPlatformIds: string[];
}

/** Called inside the confirmation's transaction, so what it records (outbox jobs) commits with the renewal. */
export interface CertificateRenewalListener {
  certificateRenewed(trx: DbOrTx, event: CertificateRenewedEvent): Promise<void>;
}

/** 32 random bytes, base64url (contracts `keyUpdateNonceSchema`). */
const newNonce = () => randomBase64url(32);

/**
 * 【自助年检】 (J6): a paid renewal item executed on its key, step by step (keyupdates.states.ts). Every step
 * locks the key update's row, so concurrent calls queue and each step happens once; every step repeated after
 * it happened answers the same key update, so a broken-off update resumes where it stopped. Locks are taken
 * item first, then key update.
 */
export class KeyUpdateService {
  private readonly renewalListeners: CertificateRenewalListener[] = [];

  constructor(
    private readonly deps: {
      database: UnitOfWork;
      clock: Clock;
      logger: Logger;
      caAdapterFor: CaAdapterFor;
      items: ItemFulfilment;
      certificates: CertificateDirectory;
    },
  ) {}

  /** The composition root connects the platform interop here (webhooks to chosen and dropped platforms). */
  onCertificateRenewed(listener: CertificateRenewalListener): void {
    this.renewalListeners.push(listener);
  }

  /**
   * Opens the item's key update, or resumes it: the item is updating from now on, and until the CA has issued
   * every opening hands out a fresh nonce (a proof signed before is spent). A CA that does not answer leaves
   * nothing behind: the opening can be repeated.
   */
  async open(actor: Actor, renewalItemId: string): Promise<KeyUpdate> {
    const { database, clock, items } = this.deps;
    const item = await items.find(renewalItemId);
    const old = await this.oldCertificate(item.certificateId);
    authorize(actor, "key_update.open", old);
    const row = await database.transaction(async (trx) => {
      const now = clock.now();
      const iso = now.toISOString();
      const locked = await items.lock(trx, renewalItemId, now);
      const existing = await lockKeyUpdateOfItem(trx, renewalItemId, iso);
      if (existing && isIssued(existing)) return existing;
      if (old.status !== "active") throw new AppError("KEY_UPDATE_CERTIFICATE_UNAVAILABLE");
      await items.startUpdate(trx, locked, actor, now);
      const nonce = newNonce();
      let current: KeyUpdateRow;
      if (!existing) {
        current = {
          id: newId(),
          renewal_item_id: renewalItemId,
          old_certificate_id: old.id,
          new_certificate_id: null,
          status: "pending",
          nonce,
          ca_reference: null,
          csr_pem: null,
          new_certificate_pem: null,
          new_chain_pem: null,
          new_not_after: null,
          attempts: 0,
          last_error: null,
          created_at: iso,
          updated_at: iso,
        };
        await insertKeyUpdate(trx, current);
        await recordAudit(
          trx,
          actor,
          "key_update.opened",
          { kind: keyUpdateMachine.entity, id: current.id },
          { renewalItemId, oldCertificateId: old.id },
          now,
        );
      } else if (existing.status === "failed") {
        current = { ...existing, status: "pending", nonce, last_error: null };
        await transition(trx, keyUpdateMachine, {
          id: existing.id,
          from: "failed",
          to: "pending",
          set: { nonce, last_error: null, updated_at: iso },
          audit: { actor, action: "key_update.reopened", data: { renewalItemId } },
          at: now,
        });
      } else {
        current = { ...existing, nonce };
        await setNonce(trx, existing.id, nonce, iso);
      }
      if (current.status !== "pending") return current;
      const ca = await this.caFor(trx, old.vendorId);
      const { reference } = await ca.requestRenewal({
        certificatePem: old.pem,
        notAfter: new Date(old.notAfter ?? iso),
      });
      await transition(trx, keyUpdateMachine, {
        id: current.id,
        from: "pending",
        to: "renewal_requested",
        set: { ca_reference: reference, updated_at: iso },
        audit: { actor, action: "key_update.renewal_requested", data: { ca: ca.name } },
        at: now,
      });
      return { ...current, status: "renewal_requested" as const, ca_reference: reference };
    });
    return view(row, old);
  }

  async get(actor: Actor, id: string): Promise<KeyUpdate> {
    const { row, old } = await this.load(actor, id, "key_update.read");
    return view(row, old);
  }

  /**
   * The keybridge's CSR and the old key's proof → the renewed certificate. Checked first (CSR, subject, new
   * key, proof over the current nonce), then the CA renews while the key update's row is locked, so of two
   * simultaneous requests the second waits and receives the first one's certificate. Already issued: the
   * same certificate again. The CA failing puts the update back to be opened again (failed; the item awaits
   * its update, still paid).
   */
  async submitCsr(actor: Actor, id: string, request: KeyUpdateCsrRequest): Promise<KeyUpdate> {
    const { database, clock } = this.deps;
    const { row: seen, old } = await this.load(actor, id, "key_update.step");
    if (isIssued(seen)) return view(seen, old);
    const checked = checkRenewalRequest(request.csrPem, old.pem);
    const proofFor = (nonce: string) =>
      checkProof({ oldCertificatePem: old.pem, keyUpdateId: id, nonce, request: checked, proof: request.proof });
    // The old key's proof is verified on the thread pool while the step's transaction starts, over the nonce
    // read here; the locked row must still hold it, or the proof is checked again over the row's own.
    const proofOverSeenNonce = proofFor(seen.nonce);
    proofOverSeenNonce.catch(() => undefined); // awaited in the transaction, or moot when the step stops first
    const ca = await this.caFor(database.db, old.vendorId);
    let askedCa = false;
    try {
      const row = await database.transaction(async (trx) => {
        const now = clock.now();
        const iso = now.toISOString();
        const row = await this.lock(trx, id, iso);
        if (isIssued(row)) return row;
        if (row.status !== "renewal_requested") throw new AppError("KEY_UPDATE_WRONG_STEP");
        await (row.nonce === seen.nonce ? proofOverSeenNonce : proofFor(row.nonce));
        const attempt = row.attempts + 1;
        await transition(trx, keyUpdateMachine, {
          id,
          from: "renewal_requested",
          to: "csr_received",
          set: { csr_pem: checked.csrPem, attempts: attempt, updated_at: iso },
          audit: { actor, action: "key_update.csr_received", data: { csrSha256: checked.csrSha256Hex, attempt } },
          at: now,
        });
        askedCa = true;
        const issued = await ca.download({
          reference: row.ca_reference ?? "",
          csrPem: checked.csrPem,
          csr: checked.csr,
        });
        const d = certificateFacts(issued.certificatePem);
        const renewed = {
          new_certificate_pem: issued.certificatePem,
          new_chain_pem: JSON.stringify(issued.chainPem),
          new_not_after: d.notAfter.toISOString(),
        };
        await transition(trx, keyUpdateMachine, {
          id,
          from: "csr_received",
          to: "issued",
          set: { ...renewed, updated_at: iso },
          audit: {
            actor,
            action: "key_update.issued",
            data: { serial: d.serialNumber, notAfter: renewed.new_not_after },
          },
          at: now,
        });
        return { ...row, ...renewed, status: "issued" as const, csr_pem: checked.csrPem, attempts: attempt };
      });
      return view(row, old);
    } catch (error) {
      if (!askedCa) throw error;
      this.deps.logger.warn({ err: error, keyUpdateId: id }, "the CA did not renew; the key update can be reopened");
      await this.breakOff(actor, id, error instanceof AppError ? error.code : "CA_UNAVAILABLE");
      throw error instanceof AppError ? error : new AppError("CA_UNAVAILABLE");
    }
  }

  /** The keybridge imported the renewed certificate next to its new key. */
  async markWritten(actor: Actor, id: string): Promise<KeyUpdate> {
    const { database, clock } = this.deps;
    const { old } = await this.load(actor, id, "key_update.step");
    const row = await database.transaction(async (trx) => {
      const now = clock.now();
      const row = await this.lock(trx, id, now.toISOString());
      if (row.status === "written" || row.status === "confirmed") return row;
      if (row.status !== "issued") throw new AppError("KEY_UPDATE_WRONG_STEP");
      await transition(trx, keyUpdateMachine, {
        id,
        from: "issued",
        to: "written",
        set: { updated_at: now.toISOString() },
        audit: { actor, action: "key_update.written", data: {} },
        at: now,
      });
      return { ...row, status: "written" as const };
    });
    return view(row, old);
  }

  /**
   * The renewal takes effect, all in one transaction: the renewed certificate becomes the key's (lineage,
   * the associations chosen in the order), the old one is superseded, the item completed (the order too when
   * it was the last), and the interop listeners told. Only after this does the page have the old key deleted.
   */
  async confirm(actor: Actor, id: string): Promise<KeyUpdate> {
    const { database, clock, items } = this.deps;
    const { row: seen, old } = await this.load(actor, id, "key_update.step");
    const row = await database.transaction(async (trx) => {
      const now = clock.now();
      const item = await items.lock(trx, seen.renewal_item_id, now);
      const row = await this.lock(trx, id, now.toISOString());
      if (row.status === "confirmed") return row;
      if (row.status !== "written" || !row.new_certificate_pem) throw new AppError("KEY_UPDATE_WRONG_STEP");
      const chosenPlatformIds = await items.chosenPlatformIds(trx, item.id);
      const renewed = await recordRenewedCertificate(trx, actor, {
        previousCertificateId: row.old_certificate_id,
        certificatePem: row.new_certificate_pem,
        chosenPlatformIds,
        now,
      });
      const { orderCompleted } = await items.complete(trx, item, actor, now);
      await transition(trx, keyUpdateMachine, {
        id,
        from: "written",
        to: "confirmed",
        set: { new_certificate_id: renewed.certificateId, updated_at: now.toISOString() },
        audit: {
          actor,
          action: "key_update.confirmed",
          data: { newCertificateId: renewed.certificateId, orderCompleted },
        },
        at: now,
      });
      for (const listener of this.renewalListeners) {
        await listener.certificateRenewed(trx, {
          oldCertificateId: row.old_certificate_id,
          newCertificateId: renewed.certificateId,
          chosenPlatformIds,
          droppedPlatformIds: renewed.droppedPlatformIds,
        });
      }
      return { ...row, status: "confirmed" as const, new_certificate_id: renewed.certificateId };
    });
    return view(row, old);
  }

  /** The CA did not issue: failed (to be opened again with a fresh nonce), the item awaits its update again. */
  private async breakOff(actor: Actor, id: string, reason: string): Promise<void> {
    const { database, clock, items } = this.deps;
    const seen = await findKeyUpdate(database.db, id);
    if (!seen) return;
    await database.transaction(async (trx) => {
      const now = clock.now();
      await items.lock(trx, seen.renewal_item_id, now);
      const row = await this.lock(trx, id, now.toISOString());
      if (row.status !== "renewal_requested") return;
      await transition(trx, keyUpdateMachine, {
        id,
        from: "renewal_requested",
        to: "failed",
        set: { last_error: reason, attempts: row.attempts + 1, updated_at: now.toISOString() },
        audit: { actor, action: "key_update.failed", data: { reason } },
        at: now,
      });
      await items.breakOff(trx, row.renewal_item_id, actor, now, reason);
    });
  }

  private async lock(trx: DbOrTx, id: string, iso: string): Promise<KeyUpdateRow> {
    const row = await lockKeyUpdate(trx, id, iso);
    if (!row) throw new AppError("KEY_UPDATE_NOT_FOUND");
    return row;
  }

  /** The key update and its old certificate, after the policy allowed the caller. */
  private async load(
    actor: Actor,
    id: string,
    action: "key_update.read" | "key_update.step",
  ): Promise<{ row: KeyUpdateRow; old: OldCertificate }> {
    const row = await findKeyUpdate(this.deps.database.db, id);
    if (!row) throw new AppError("KEY_UPDATE_NOT_FOUND");
    const old = await this.oldCertificate(row.old_certificate_id);
    authorize(actor, action, old);
    return { row, old };
  }

  private async oldCertificate(certificateId: string): Promise<OldCertificate> {
    const { resource } = await this.deps.certificates.find(certificateId);
    const row = await findCertificate(this.deps.database.db, certificateId);
    if (!row) throw new AppError("CERTIFICATE_NOT_FOUND");
    // A certificate known only from the old registry has no PEM until its first CA login; a bound key has one.
    if (!row.certificate_pem) throw new AppError("KEY_UPDATE_CERTIFICATE_UNAVAILABLE");
    return {
      id: row.id,
      pem: row.certificate_pem,
      status: row.status,
      vendorId: row.vendor_id,
      serialNumber: row.serial_number,
      holderName: row.holder_name,
      notAfter: row.not_after,
      holderUserId: resource.holderUserId,
    };
  }

  private async caFor(db: DbOrTx, vendorId: string | null): Promise<CaAdapter> {
    const vendor = vendorId ? await caVendorOf(db, vendorId) : null;
    if (!vendor) throw new AppError("CA_ADAPTER_UNAVAILABLE");
    return this.deps.caAdapterFor(vendor);
  }
}
