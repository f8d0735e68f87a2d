import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import type { UnitOfWork } from "../../db/unit-of-work";
import { transition } from "../../kernel/transition";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import type { JobHandler, OutboxJobs } from "../outbox/outbox";
import "./interop.audit";
import { findDeliveryForSending, insertAttempt } from "./interop.queries";
import { webhookDeliveryMachine } from "./interop.states";
import type { PlatformCredentials } from "./platform-credentials.service";

const TIMEOUT_MS = 15_000;

interface Outcome {
  statusCode: number | null;
  error: string | null;
}

/**
 * Sends one webhook (the `interop.webhook` job): signed by the Standard Webhooks scheme with the platform's
 * secret (and its previous one during a rotation's overlap: one signature each, space-separated), POSTed to
 * the platform's URL, every attempt logged. Acknowledged means a 2xx; anything else — another status, a
 * redirect (not followed), a timeout, no URL or secret yet — fails the attempt and the job, which the outbox
 * retries with backoff until the delivery's last attempt, when it is abandoned.
 */
export class WebhookSender {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
    private readonly credentials: PlatformCredentials,
  ) {}

  readonly deliverJob: JobHandler<OutboxJobs["interop.webhook"]> = async ({ deliveryId, lastAttempt }) => {
    const delivery = await findDeliveryForSending(this.database.db, deliveryId);
    // Delivered (a job run again after a crash) or abandoned: nothing to send.
    if (!delivery || delivery.status === "delivered" || delivery.status === "abandoned") return;
    const attempt = delivery.attempts + 1;
    const at = this.clock.now();
    const started = performance.now();
    const outcome = await this.send(delivery, at);
    const acknowledged = outcome.error === null;
    const to = acknowledged ? "delivered" : attempt >= lastAttempt ? "abandoned" : "failed";
    await this.database.transaction(async (trx) => {
      await insertAttempt(trx, {
        id: newId(),
        delivery_id: delivery.id,
        attempt,
        status_code: outcome.statusCode,
        error: outcome.error,
        duration_ms: Math.round(performance.now() - started),
        attempted_at: at.toISOString(),
      });
      await transition(trx, webhookDeliveryMachine, {
        id: delivery.id,
        from: delivery.status,
        to,
        set: {
          attempts: attempt,
          updated_at: this.clock.now().toISOString(),
          ...(acknowledged ? { delivered_at: this.clock.now().toISOString() } : {}),
        },
        at,
      });
    });
    if (to === "failed") throw new Error(outcome.error ?? "投递失败");
  };

  private async send(
    delivery: NonNullable<Awaited<ReturnType<typeof findDeliveryForSending>>>,
    at: Date,
  ): Promise<Outcome> {
    if (!delivery.webhook_url) return { statusCode: null, error: "该平台尚未配置推送地址" };
    const secrets = this.credentials.signingSecrets(delivery, at);
    if (secrets.length === 0) return { statusCode: null, error: "该平台尚未生成签名密钥" };
    const signature = secrets.map((secret) => new Webhook(secret).sign(delivery.id, at, delivery.payload)).join(" ");
    try {
      const response = await fetch(delivery.webhook_url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "lnca-webhooks/1",
          "webhook-id": delivery.id,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": signature,
        },
        body: delivery.payload,
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { statusCode: response.status, error: ok ? null : `平台应答 HTTP ${response.status}` };
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
      return { statusCode: null, error: `无法连接平台：${reason}`.slice(0, 500) };
    }
  }
}
