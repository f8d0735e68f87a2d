import { z } from "zod";

export const challengeResponseSchema = z.object({
  challengeId: z.string(),
  /** The exact text the key signs (see packages/pki/src/challenge.ts for its format). */
  challenge: z.string(),
  expiresAt: z.string(),
});
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;

export const signatureAlgorithmSchema = z.enum(["ecdsa-sha256", "rsa-pkcs1-sha256"]);
export type SignatureAlgorithm = z.infer<typeof signatureAlgorithmSchema>;

const pem = z.string().min(100).max(20_000);

export const caLoginRequestSchema = z.object({
  challengeId: z.string().min(1).max(200),
  certificatePem: pem,
  /** Intermediate certificates the key holds, leaf first excluded. */
  chainPem: z.array(pem).max(5).default([]),
  /** Base64 signature over the UTF-8 bytes of the challenge text (ECDSA: DER-encoded). */
  signature: z.string().min(16).max(2048),
  signatureAlgorithm: signatureAlgorithmSchema,
});
export type CaLoginRequest = z.input<typeof caLoginRequestSchema>;

export const holderKindSchema = z.enum(["organization", "personal"]);
export type HolderKind = z.infer<typeof holderKindSchema>;

export const identityRoleSchema = z.enum(["admin", "project_lead", "authorized_agent", "individual"]);
export type IdentityRole = z.infer<typeof identityRoleSchema>;

export const sessionIdentitySchema = z.object({
  id: z.string(),
  role: identityRoleSchema,
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  status: z.string(),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  mobileMasked: z.string(),
  profileComplete: z.boolean(),
  identities: z.array(sessionIdentitySchema),
  currentIdentityId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** What the web needs to show the binding form after a first CA login. */
export const bindingRequiredSchema = z.object({
  status: z.literal("binding_required"),
  bindingTicket: z.string(),
  certificate: z.object({
    holderKind: holderKindSchema,
    holderName: z.string(),
    enterpriseName: z.string().nullable(),
    uscc: z.string().nullable(),
    category: z.string().nullable(),
    vendor: z.string().nullable(),
    notAfter: z.string(),
    knownFromRegistry: z.boolean(),
  }),
});

export const caLoginResponseSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("logged_in"), user: sessionUserSchema }),
  bindingRequiredSchema,
]);
export type CaLoginResponse = z.infer<typeof caLoginResponseSchema>;

export const smsPurposeSchema = z.enum(["login", "bind"]);
export const smsCodeRequestSchema = z.object({ mobile: z.string().max(20), purpose: smsPurposeSchema });
export const smsCodeResponseSchema = z.object({
  resendAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});

export const bindRequestSchema = z.object({
  bindingTicket: z.string().min(1).max(200),
  mobile: z.string().max(20),
  smsCode: z.string().max(10),
  /** Main key: the enterprise administrator's resident ID number. */
  idNumber: z.string().max(18).optional(),
  /** Main key: the administrator's name (the certificate names the enterprise, not the person). */
  name: z.string().max(50).optional(),
});
export type BindRequest = z.infer<typeof bindRequestSchema>;

export const smsLoginRequestSchema = z.object({ mobile: z.string().max(20), smsCode: z.string().max(10) });

export const loggedInResponseSchema = z.object({ status: z.literal("logged_in"), user: sessionUserSchema });

export const consoleLoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const staffSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(["reviewer", "operator"]),
  /** The console permissions this role holds, from the server's policy: the console shows only these. */
  permissions: z.array(z.string()),
});
export type Staff = z.infer<typeof staffSchema>;

/** Double-submit CSRF protection: the web copies this cookie into this header on unsafe methods. */
export const CSRF_COOKIE = "lnca_csrf";
export const CSRF_HEADER = "x-csrf-token";
