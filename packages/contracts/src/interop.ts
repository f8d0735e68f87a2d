import { z } from "zod";

/**
 * Platform interoperability (`/api/v1/interop`): what the trading platforms call and what they are sent.
 * docs/OPERATIONS.md「平台互通」 tells a platform how to use both.
 */

/** The port the demo receiving platform listens on (apps/demo-platform), as the demo seed points webhooks at it. */
export const DEMO_PLATFORM_DEFAULT_PORT = 28452;

/** After a rotation the previous platform key (and webhook secret) keeps working this long, then stops. */
export const INTEROP_ROTATION_OVERLAP_HOURS = 24;

export const interopVerifyRequestSchema = z.object({
  certificate: z.string().min(1).max(20_000).describe("PEM 格式的 X.509 证书"),
});
export type InteropVerifyRequest = z.infer<typeof interopVerifyRequestSchema>;

/** Why `valid` is false: the chain checks of CA login, plus the platform's own record. */
export const interopInvalidReasons = [
  "untrusted",
  "expired",
  "not_yet_valid",
  "revoked",
  "revocation_unknown",
  "key_usage",
  "superseded",
] as const;
export type InteropInvalidReason = (typeof interopInvalidReasons)[number];

export const interopVerifyResponseSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(interopInvalidReasons).optional(),
  holderName: z.string(),
  enterpriseName: z.string().nullable(),
  uscc: z.string().optional(),
  categoryCode: z.string().nullable(),
  notAfter: z.string().describe("ISO-8601 UTC"),
  associated: z.boolean().describe("该证书与调用方平台存在有效关联"),
});
export type InteropVerifyResponse = z.infer<typeof interopVerifyResponseSchema>;

// ——— webhooks (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature) ———

export const webhookEventTypes = ["certificate.renewed", "certificate.disassociated"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** A certificate as the registry knows it (one imported from the old platform may lack fingerprint and dates). */
const certificateFacts = {
  serialNumber: z.string().describe("小写十六进制"),
  fingerprintSha256: z.string().nullable().describe("DER 的 SHA-256，小写十六进制"),
  holderName: z.string(),
  enterpriseName: z.string().nullable(),
  uscc: z.string().nullable(),
  categoryCode: z.string().nullable(),
  notAfter: z.string().nullable(),
};

/** `certificate.renewed`: sent to each platform chosen in the renewal; the new certificate replaces the old. */
export const certificateRenewedEventSchema = z.object({
  type: z.literal("certificate.renewed"),
  timestamp: z.string(),
  data: z.object({
    platformCode: z.string(),
    certificate: z.object({
      ...certificateFacts,
      fingerprintSha256: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
      pem: z.string(),
    }),
    previousCertificate: z.object({ serialNumber: z.string(), fingerprintSha256: z.string().nullable() }),
  }),
});
export type CertificateRenewedEvent = z.infer<typeof certificateRenewedEventSchema>;

/**
 * `certificate.disassociated`: sent to each platform dropped in a renewal; the certificate (the one the
 * platform knew) is no longer associated with it, and its renewal is not either.
 */
export const certificateDisassociatedEventSchema = z.object({
  type: z.literal("certificate.disassociated"),
  timestamp: z.string(),
  data: z.object({
    platformCode: z.string(),
    certificate: z.object(certificateFacts),
    reason: z.literal("not_chosen_in_renewal"),
  }),
});
export type CertificateDisassociatedEvent = z.infer<typeof certificateDisassociatedEventSchema>;

export const webhookEventSchema = z.discriminatedUnion("type", [
  certificateRenewedEventSchema,
  certificateDisassociatedEventSchema,
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

// ——— operator console ———

export const interopPlatformSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  keyHint: z.string().nullable().describe("平台密钥的前几位，便于核对"),
  keyIssuedAt: z.string().nullable(),
  previousKeyValidUntil: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  webhookSecretIssuedAt: z.string().nullable(),
  previousWebhookSecretValidUntil: z.string().nullable(),
});
export type InteropPlatform = z.infer<typeof interopPlatformSchema>;

export const issuedPlatformKeySchema = z.object({
  apiKey: z.string().describe("仅此一次显示"),
  previousKeyValidUntil: z.string().nullable(),
});
export type IssuedPlatformKey = z.infer<typeof issuedPlatformKeySchema>;

export const issuedWebhookSecretSchema = z.object({
  secret: z.string().describe("whsec_…，仅此一次显示"),
  previousSecretValidUntil: z.string().nullable(),
});
export type IssuedWebhookSecret = z.infer<typeof issuedWebhookSecretSchema>;

export const webhookUrlRequestSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "推送地址必须是 http:// 或 https:// 地址" })
    .max(2000)
    .nullable(),
});

export const webhookDeliveryStatuses = ["pending", "failed", "delivered", "abandoned"] as const;

export const webhookDeliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  attemptedAt: z.string(),
});
export type WebhookDeliveryAttempt = z.infer<typeof webhookDeliveryAttemptSchema>;

export const webhookDeliverySchema = z.object({
  id: z.string().describe("webhook-id，重试与重新投递时不变"),
  platformCode: z.string(),
  platformName: z.string(),
  eventType: z.enum(webhookEventTypes),
  payload: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.array(webhookDeliveryAttemptSchema),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveriesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(webhookDeliveryStatuses).optional(),
});
