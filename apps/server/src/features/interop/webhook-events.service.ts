import type {
  CertificateDisassociatedEvent,
  CertificateRenewedEvent,
  WebhookDelivery,
  WebhookEvent,
} from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import type { WebhookDeliveryStatus } from "../../db/schema";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { enqueueJob } from "../outbox/outbox";
import type { Actor } from "../policy/actor";
import "./interop.audit";
import {
  findDelivery,
  insertDeliveryOnce,
  listAttempts,
  listCertificatesWithEnterprise,
  listPlatformCodes,
  pageDeliveries,
} from "./interop.queries";
import { webhookDeliveryMachine } from "./interop.states";

/**
 * Attempts of one delivery before it is abandoned: with the outbox's backoff (5 s doubling, capped at 1 h) the
 * retries go on for about 20 hours; an operator can then 【重新投递】.
 */
export const WEBHOOK_ATTEMPTS = 30;

/** What a key update tells the platforms, in the key update's own transaction. */
export interface CertificateRenewal {
  oldCertificateId: string;
  newCertificateId: string;
  /** Platforms chosen in the renewal: each gets `certificate.renewed`. */
  chosenPlatformIds: readonly string[];
  /** Platforms the old certificate had and the renewal dropped: each gets `certificate.disassociated`. */
  droppedPlatformIds: readonly string[];
}

type CertificateRow = Awaited<ReturnType<typeof listCertificatesWithEnterprise>>[number];

/**
 * The webhooks to the trading platforms: recorded and queued in the caller's transaction (one delivery and one
 * outbox job per platform), sent after commit by the `interop.webhook` job (webhook-sender.ts).
 */
export class InteropEvents {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * In the key update's transaction: `certificate.renewed` to each chosen platform, `certificate.disassociated`
   * to each dropped one. Calling it again for the same renewal queues nothing more (one delivery per event,
   * platform and certificate).
   */
  async certificateRenewed(trx: DbOrTx, renewal: CertificateRenewal): Promise<void> {
    const now = this.clock.now();
    const certificates = await listCertificatesWithEnterprise(trx, [
      renewal.oldCertificateId,
      renewal.newCertificateId,
    ]);
    const certificate = (id: string) => {
      const row = certificates.find((c) => c.id === id);
      if (!row) throw new AppError("CERTIFICATE_NOT_FOUND");
      return row;
    };
    const previous = certificate(renewal.oldCertificateId);
    const renewed = certificate(renewal.newCertificateId);
    const platforms = await listPlatformCodes(trx, [...renewal.chosenPlatformIds, ...renewal.droppedPlatformIds]);
    const codeOf = (id: string) => {
      const platform = platforms.find((p) => p.id === id);
      if (!platform) throw new AppError("PLATFORM_NOT_FOUND");
      return platform.code;
    };
    const timestamp = now.toISOString();
    for (const platformId of renewal.chosenPlatformIds) {
      const event: CertificateRenewedEvent = {
        type: "certificate.renewed",
        timestamp,
        data: {
          platformCode: codeOf(platformId),
          certificate: issuedFacts(renewed),
          previousCertificate: {
            serialNumber: previous.serial_number,
            fingerprintSha256: previous.fingerprint_sha256,
          },
        },
      };
      await this.queue(trx, platformId, renewed.id, event, now);
    }
    for (const platformId of renewal.droppedPlatformIds) {
      const event: CertificateDisassociatedEvent = {
        type: "certificate.disassociated",
        timestamp,
        data: { platformCode: codeOf(platformId), certificate: facts(previous), reason: "not_chosen_in_renewal" },
      };
      await this.queue(trx, platformId, previous.id, event, now);
    }
  }

  /** 投递记录: newest first, each with its attempts. */
  async page(query: { page: number; pageSize: number; status?: WebhookDeliveryStatus }) {
    const { items, total } = await pageDeliveries(this.database.db, query);
    const attempts = await listAttempts(
      this.database.db,
      items.map((d) => d.id),
    );
    const deliveries: WebhookDelivery[] = items.map((d) => ({
      id: d.id,
      platformCode: d.platform_code,
      platformName: d.platform_name,
      eventType: d.event_type,
      payload: d.payload,
      status: d.status,
      attempts: attempts
        .filter((a) => a.delivery_id === d.id)
        .map((a) => ({
          attempt: a.attempt,
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
          attemptedAt: a.attempted_at,
        })),
      createdAt: d.created_at,
      deliveredAt: d.delivered_at,
    }));
    return { items: deliveries, total };
  }

  /**
   * 【重新投递】: sends a delivered or abandoned webhook again, with the same webhook-id (a platform that kept it
   * recognises it) and a fresh round of attempts. One still being retried is refused.
   */
  async redeliver(actor: Actor, deliveryId: string): Promise<void> {
    const now = this.clock.now();
    await this.database.transaction(async (trx) => {
      const delivery = await findDelivery(trx, deliveryId);
      if (!delivery) throw new AppError("WEBHOOK_DELIVERY_NOT_FOUND");
      if (delivery.status === "pending" || delivery.status === "failed") {
        throw new AppError("WEBHOOK_DELIVERY_IN_PROGRESS");
      }
      await transition(trx, webhookDeliveryMachine, {
        id: delivery.id,
        from: delivery.status,
        to: "pending",
        set: { updated_at: now.toISOString() },
        audit: {
          actor,
          action: "interop.webhook_redelivered",
          data: { platformId: delivery.platform_id, eventType: delivery.event_type },
        },
        at: now,
      });
      await this.enqueue(trx, delivery.id, delivery.attempts, now);
    });
  }

  private async queue(trx: DbOrTx, platformId: string, certificateId: string, event: WebhookEvent, now: Date) {
    const id = `msg_${newId()}`;
    const inserted = await insertDeliveryOnce(trx, {
      id,
      platform_id: platformId,
      event_type: event.type,
      certificate_id: certificateId,
      payload: JSON.stringify(event),
      status: "pending",
      delivered_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    if (inserted) await this.enqueue(trx, id, 0, now);
  }

  private enqueue(trx: DbOrTx, deliveryId: string, attemptsSoFar: number, now: Date) {
    return enqueueJob(
      trx,
      "interop.webhook",
      { deliveryId, lastAttempt: attemptsSoFar + WEBHOOK_ATTEMPTS },
      { dedupeKey: `webhook:${deliveryId}:${attemptsSoFar}`, maxAttempts: WEBHOOK_ATTEMPTS, now },
    );
  }
}

function facts(row: CertificateRow) {
  return {
    serialNumber: row.serial_number,
    fingerprintSha256: row.fingerprint_sha256,
    holderName: row.holder_name,
    enterpriseName: row.enterprise_name,
    uscc: row.uscc,
    categoryCode: row.category_code,
    notAfter: row.not_after,
  };
}

/** A certificate the renewal just issued: stored with its PEM, fingerprint and dates, or the call is wrong. */
function issuedFacts(row: CertificateRow): CertificateRenewedEvent["data"]["certificate"] {
  const { fingerprint_sha256: fingerprint, not_before: notBefore, not_after: notAfter, certificate_pem: pem } = row;
  if (!fingerprint || !notBefore || !notAfter || !pem) {
    throw new AppError("INTERNAL_ERROR", `renewed certificate ${row.id} is stored without its PEM or dates`);
  }
  return { ...facts(row), fingerprintSha256: fingerprint, notBefore, notAfter, pem };
}
