/**
 * Platform interoperability: the columns of `platforms` this feature owns (migration 017), and the webhooks sent
 * to the platforms with their attempts. Column conventions: db/schema.ts.
 */
import type { Generated } from "kysely";
import type { Nullable } from "../../db/column-types";

/** `platforms` columns added by migration 017 (NULL until a key or a secret is issued). */
export interface PlatformInteropColumns {
  /** The first characters of the current key, shown so an operator can tell keys apart. */
  interop_key_hint: Generated<Nullable<string>>;
  interop_key_issued_at: Generated<Nullable<string>>;
  interop_previous_key_hash: Generated<Nullable<string>>;
  interop_previous_key_expires_at: Generated<Nullable<string>>;
  webhook_secret_issued_at: Generated<Nullable<string>>;
  webhook_previous_secret_encrypted: Generated<Nullable<string>>;
  webhook_previous_secret_expires_at: Generated<Nullable<string>>;
}

export type WebhookEventType = "certificate.renewed" | "certificate.disassociated";
export type WebhookDeliveryStatus = "pending" | "failed" | "delivered" | "abandoned";

export interface WebhookDeliveriesTable {
  /** Also the message's `webhook-id`: the same for every attempt and every re-delivery of it. */
  id: string;
  platform_id: string;
  event_type: WebhookEventType;
  /** The certificate the event is about: the new one (renewed) or the one no longer associated (disassociated). */
  certificate_id: string;
  /** The exact JSON body sent. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  delivered_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveryAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  status_code: Nullable<number>;
  error: Nullable<string>;
  duration_ms: number;
  attempted_at: string;
}
