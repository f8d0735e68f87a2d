/** The audit actions of platform interoperability (declared here, beside the code that records them). */
declare module "../audit/audit" {
  interface AuditActions {
    "interop.key_issued": { platformCode: string; previousKeyValidUntil: string | null };
    "interop.webhook_url_set": { platformCode: string; url: string | null };
    "interop.webhook_secret_issued": { platformCode: string; previousSecretValidUntil: string | null };
    "interop.webhook_redelivered": { platformId: string; eventType: string };
  }
}

/** The job of interop: one webhook to one platform, retried with backoff until acknowledged or `lastAttempt`. */
declare module "../outbox/outbox" {
  interface OutboxJobs {
    "interop.webhook": { deliveryId: string; lastAttempt: number };
  }
}

export {};
